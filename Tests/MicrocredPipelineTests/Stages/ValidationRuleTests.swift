import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

@Suite struct ValidationRuleTests {
    static func workload(hours: String?, ects: String?) -> Credential {
        Credential(
            achievement: Achievement(
                workload: Workload(hours: hours.flatMap { DecimalNumber($0) }, credits: ects.map { [CreditPoints(points: DecimalNumber($0)!)] } ?? [])))
    }

    @Test(arguments: [("125", "5", false), ("150", "5", false), ("100", "5", false), ("180", "5", false), ("60", "5", true),
                      ("60", "1", true), ("7.5", "0.25", false), (nil, "5", false), ("60", nil, false)] as [(String?, String?, Bool)])
    func workloadAgainstECTS(hours: String?, ects: String?, warns: Bool) {
        let found = check(Self.workload(hours: hours, ects: ects), with: WorkloadConsistencyRule())
        #expect(found.map(\.code) == (warns ? ["workload.hours-ects-mismatch"] : []))
    }

    /// Values read from text are compared in whole numbers; the outcome is the one `Decimal`
    /// arithmetic gives, at the bounds too, and for values made by arithmetic (which have no text).
    @Test func workloadOutcomeAgreesWithDecimalArithmetic() throws {
        var random = SeededRandom(seed: 17)
        for _ in 0..<3000 {
            let ects = try #require(DecimalNumber(random.pick(["5", "7.5", "0.25", "2.5", "30", "0.1", "1.125", "0.0000001", "12345678901234.5"])))
            let perCredit = random.pick(["20", "36", "19.9999999", "36.000001", "19.99999", "36.00001", "25", "10", "40", "0.5"])
            let product = ects.value * (try #require(Decimal(string: perCredit, locale: Locale(identifier: "en_US_POSIX"))))
            for hours in [DecimalNumber(product), DecimalNumber(product.description)].compactMap({ $0 }) {
                let credential = Credential(achievement: Achievement(workload: Workload(hours: hours, credits: [CreditPoints(points: ects)])))
                let expected = product < 20 * ects.value || product > 36 * ects.value
                #expect(!check(credential, with: WorkloadConsistencyRule()).isEmpty == expected, "\(hours) hours, \(ects) ECTS")
            }
        }
    }

    @Test func theWorkloadWarningSaysHowManyHoursPerCredit() {
        let found = check(Self.workload(hours: "60", ects: "5"), with: WorkloadConsistencyRule())
        #expect(found.first?.message == "60 hours for 5 ECTS is 12 hours per credit")
        #expect(found.first?.severity == .warning)
    }

    @Test(arguments: [(0, true), (1, false), (8, false), (9, true), (-1, true)])
    func eqfRange(level: Int, fails: Bool) {
        #expect(!check(Credential(achievement: Achievement(level: Level(eqf: level))), with: EQFRangeRule()).isEmpty == fails)
    }

    @Test func creditsMustBePositive() {
        #expect(check(Self.workload(hours: "0", ects: "0"), with: CreditsPositiveRule()).count == 2)
        #expect(check(Self.workload(hours: "25", ects: "1"), with: CreditsPositiveRule()).isEmpty)
    }

    @Test func datesInOrder() {
        let issued = Timestamp.date(CalendarDate(year: 2026, month: 3, day: 1)!)
        var credential = Credential(issued: issued, validUntil: .date(CalendarDate(year: 2026, month: 2, day: 28)!))
        #expect(check(credential, with: ValidityOrderRule()).map(\.code) == ["date.valid-until-before-valid-from"])
        credential.validUntil = .date(CalendarDate(year: 2031, month: 3, day: 1)!)
        #expect(check(credential, with: ValidityOrderRule()).isEmpty)
        credential.learner.dateOfBirth = CalendarDate(year: 2026, month: 3, day: 1)
        #expect(check(credential, with: BirthBeforeIssueRule()).map(\.code) == ["date.birth-after-issue"])
        credential.learner.dateOfBirth = CalendarDate(year: 2001, month: 3, day: 1)
        #expect(check(credential, with: BirthBeforeIssueRule()).isEmpty)
    }

    @Test func issuedInTheFutureUsesTheRunsToday() {
        #expect(check(Credential(issued: .date(CalendarDate(year: 2026, month: 6, day: 2)!)), with: IssuedNotInFutureRule()).count == 1)
        #expect(check(Credential(issued: .date(CalendarDate(year: 2026, month: 6, day: 1)!)), with: IssuedNotInFutureRule()).isEmpty)
    }

    @Test func awardingBodiesNeedACountry() {
        let found = check(Credential(awardingBodies: [Organisation(name: "Uni A", country: "DE"), Organisation(name: "Uni B")]), with: AwardingBodyCountryRule())
        #expect(found.map(\.location.field) == ["awardingBodies[1].country"])
        #expect(found.first?.message.contains("Uni B") == true)
    }

    @Test func optInRulesRunOnlyWhenEnabled() {
        let record = SourceRecord(location: SourceLocation(record: 1), raw: .null, decoder: FixedDecoder(credential: Credential(id: "urn:x", result: CredentialResult(grade: "A"))))
        let rules = ValidationProfile.none.rules
        let off = RecordProcessor(stages: [], rules: rules, context: stageContext).process(record, writer: nil)
        #expect(!off.diagnostics.contains { $0.code == "result.grade-without-scheme" })
        let on = RecordProcessor(stages: [], rules: rules, context: stageContext, enabledCodes: ["result.grade-without-scheme"]).process(record, writer: nil)
        #expect(on.diagnostics.map(\.code).contains("result.grade-without-scheme"))
        let disabled = RecordProcessor(stages: [], rules: rules, context: stageContext, disabledCodes: ["organisation.missing-country"]).process(record, writer: nil)
        #expect(!disabled.diagnostics.contains { $0.code == "organisation.missing-country" })
    }

    @Test func aRecordWithoutItsModelsKeepsWhatARunReports() {
        let record = SourceRecord(
            location: SourceLocation(record: 1), raw: .null, decoder: FixedDecoder(credential: Credential(id: "urn:x", title: LocalizedText("T"))))
        for rules in [ValidationProfile.none.rules, ValidationProfile.eu2022.rules] {
            let processor = RecordProcessor(stages: [], rules: rules, context: stageContext)
            let processed = processor.process(record, writer: nil)
            let slim = processor.process(record, writer: nil, keepsModels: false)
            #expect(slim.credential == nil && slim.decoded == nil)
            #expect(processed.credential != nil)
            #expect(slim.isNormalised && slim.credentialID == "urn:x")
            #expect(slim.isRejected(rejectWarnings: false) == processed.isRejected(rejectWarnings: false))
            #expect(slim.isRejected(rejectWarnings: true) == processed.isRejected(rejectWarnings: true))
            #expect(slim.euElements == processed.euElements && slim.diagnostics == processed.diagnostics)
        }
    }

    @Test func profilesRequireTheirElementLists() {
        let codes = { (profile: ValidationProfile) in Set(profile.rules.map(\.code)) }
        #expect(codes(.eu2022).isSuperset(of: EUElement.mandatory2022.map { "eu.missing-\($0.rawValue)" }))
        #expect(!codes(.eu2022).contains("eu.missing-field-of-education"))
        #expect(codes(.eu2020Draft).contains("eu.missing-field-of-education"))
        #expect(codes(.eu2020Draft).contains("eu.missing-supervision-identity-verification"))
        #expect(!codes(.none).contains { $0.hasPrefix("eu.") })
    }
}

private struct FixedDecoder: RecordDecoder {
    let credential: Credential
    func decode(_ record: SourceRecord) -> DecodedRecord { DecodedRecord(credential: credential) }
}
