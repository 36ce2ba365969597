import MicrocredModel
import Testing

@Suite struct EUElementTests {
    static let complete = Credential(
        title: "Data Literacy", issued: .date(CalendarDate(year: 2026, month: 3, day: 1)!),
        validUntil: .date(CalendarDate(year: 2031, month: 3, day: 1)!),
        learner: Learner(givenNames: "Anna", familyName: "Kowalska"),
        awardingBodies: [Organisation(name: "Hochschule Beispielstadt", country: "DE")],
        achievement: Achievement(
            learningOutcomes: [LearningOutcome(text: "Cleans a data set")], iscedFields: ["0688"], level: Level(eqf: 6),
            workload: Workload(credits: [CreditPoints(points: DecimalNumber(5))]), participation: Participation(mode: "online"),
            assessment: Assessment(type: "exam", supervision: "supervised-with-id-verification"),
            qualityAssurance: [QualityAssurance(type: "internal")], prerequisites: "None",
            stacking: Stacking(isPartOf: ["https://example.org/programme"])),
        result: CredentialResult(grade: "1,7"), furtherInformation: "See the course page")

    @Test func aCompleteCredentialHasEveryElement() {
        #expect(Self.complete.euElements == EUElement.allCases)
    }

    @Test func anEmptyCredentialHasNone() {
        #expect(Credential().euElements.isEmpty)
    }

    @Test(arguments: EUElement.allCases)
    func eachElementDependsOnItsField(element: EUElement) {
        var credential = Self.complete
        switch element {
        case .learnerIdentification: credential.learner = Learner()
        case .title: credential.title = nil
        case .issuerCountry: credential.awardingBodies[0].country = nil
        case .awardingBody: credential.awardingBodies = []
        case .dateOfIssuing: credential.issued = nil
        case .learningOutcomes: credential.achievement.learningOutcomes = [LearningOutcome(text: "  ")]
        case .workload: credential.achievement.workload = Workload()
        case .level: credential.achievement.level = Level()
        case .assessmentType: credential.achievement.assessment.type = ""
        case .participationForm: credential.achievement.participation = Participation()
        case .qualityAssurance: credential.achievement.qualityAssurance = []
        case .prerequisites: credential.achievement.prerequisites = nil
        case .supervisionAndIdentityVerification: credential.achievement.assessment.supervision = nil
        case .grade: credential.result = nil
        case .stackability: credential.achievement.stacking = Stacking()
        case .furtherInformation: credential.furtherInformation = nil
        case .fieldOfEducation: credential.achievement.iscedFields = []
        case .validityDuration: credential.validUntil = nil
        }
        #expect(!credential.has(element))
        if element == .awardingBody {
            #expect(!credential.has(.issuerCountry))
        } else {
            #expect(credential.euElements == EUElement.allCases.filter { $0 != element })
        }
    }

    @Test func theTitleFallsBackToTheAchievementTitle() {
        var credential = Credential()
        credential.achievement.title = "Data Literacy"
        #expect(credential.has(.title))
    }
}
