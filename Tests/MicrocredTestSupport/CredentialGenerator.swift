public import MicrocredModel

/// Generates varied, valid-looking credentials from a seed, for property tests (round trips,
/// idempotence) and benchmarks.
///
/// Text mixes scripts (Latin with diacritics, Greek, Cyrillic, CJK, Arabic), CSV and XML
/// metacharacters (`,` `;` `"` `<` `&` newlines), and optional fields are left out at random.
public struct CredentialGenerator {
    private var random: SeededRandom

    public init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    static let givenNames = ["Anna", "Łukasz", "Zoë", "Jürgen", "Αικατερίνη", "Дмитрий", "Søren", "Inês", "明", "Fatima", "O'Brien", "Jean-Luc"]
    static let familyNames = ["Kowalska", "Müller", "Nováková", "Παπαδόπουλος", "Иванова", "García López", "de Vries", "王", "Nørgaard", "Ó Súilleabháin"]
    static let words = [
        "data", "analysis", "sustainable", "Energie", "évaluation", "критический", "學習", "project, \"applied\"", "R&D <core>",
        "line\nbreak", "semi;colon", "tab\tstop", "ανάλυση", "تعلم", "pipe|bar", "trailing ", "emoji 🎓",
    ]
    static let countries = ["DE", "FR", "IT", "ES", "NL", "PL", "BE", "AT", "IE", "FI", "SE", "GR", "PT"]
    static let languages = ["en", "de", "fr", "it", "es", "nl", "pl", "el"]
    static let modes = ["online", "onsite", "blended"]
    static let assessments = ["exam", "project", "portfolio", "oral"]

    private mutating func phrase(_ count: ClosedRange<Int>) -> String {
        (0..<Int.random(in: count, using: &random)).map { _ in random.pick(Self.words) }.joined(separator: " ")
    }

    private mutating func maybe<T>(_ make: (inout CredentialGenerator) -> T) -> T? {
        random.chance(0.6) ? make(&self) : nil
    }

    private mutating func text() -> LocalizedText {
        if random.chance(0.2) {
            return LocalizedText(entries: [
                .init(language: "en", value: phrase(1...4)), .init(language: random.pick(Self.languages), value: phrase(1...4)),
            ])
        }
        return LocalizedText(phrase(1...5))
    }

    private mutating func date() -> CalendarDate {
        CalendarDate(year: Int.random(in: 2015...2026, using: &random), month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))!
    }

    private mutating func decimal() -> DecimalNumber {
        DecimalNumber("\(Int.random(in: 1...60, using: &random))\(random.chance(0.5) ? ".5" : "")")!
    }

    private mutating func organisation() -> Organisation {
        Organisation(
            id: maybe { "https://org.example/\(Int.random(in: 1...999, using: &$0.random))" }, name: text(),
            registrationIds: random.chance(0.3) ? [Identifier("DE\(Int.random(in: 100_000...999_999, using: &random))", scheme: "vatNumber")] : [],
            country: random.pick(Self.countries), homepage: maybe { _ in "https://www.example.org/" },
            email: maybe { _ in "registry@example.org" })
    }

    /// The next credential.
    public mutating func next() -> Credential {
        let serial = Int.random(in: 1...99_999_999, using: &random)
        let issued = date()
        var learner = Learner(
            givenNames: random.pick(Self.givenNames), familyName: random.pick(Self.familyNames),
            email: maybe { _ in "learner\(serial)@uni.example.eu" }, studentIds: [Identifier("S\(serial)", scheme: "studentId")])
        if random.chance(0.5) { learner.fullName = "\(learner.givenNames!) \(learner.familyName!)" }
        if random.chance(0.5) { learner.dateOfBirth = CalendarDate(year: Int.random(in: 1960...2004, using: &random), month: 2, day: 29) ?? CalendarDate(year: 1999, month: 10, day: 2) }
        let achievement = Achievement(
            id: maybe { "https://uni.example.eu/courses/\(Int.random(in: 1...500, using: &$0.random))" }, title: text(),
            description: maybe { $0.text() }, achievementType: random.chance(0.8) ? "MicroCredential" : nil,
            learningOutcomes: (0..<Int.random(in: 1...4, using: &random)).map { _ in
                LearningOutcome(text: text(), escoSkill: maybe { _ in "http://data.europa.eu/esco/skill/0a1b2c3d-0000-4000-8000-000000000001" })
            },
            iscedFields: random.chance(0.7) ? [random.pick(["0613", "0412", "0731", "0111", "0588"])] : [],
            level: Level(eqf: Int.random(in: 4...8, using: &random), qfEhea: random.chance(0.2) ? .second : nil),
            workload: Workload(hours: maybe { $0.decimal() }, credits: [CreditPoints(points: decimal())]),
            participation: Participation(mode: random.pick(Self.modes), setting: maybe { _ in "non-formal" }),
            assessment: Assessment(type: random.pick(Self.assessments), supervision: maybe { _ in "supervised-with-id-verification" }),
            qualityAssurance: [QualityAssurance(type: "internal", body: maybe { $0.organisation() }, reference: maybe { _ in "QA-2025/17" })],
            prerequisites: maybe { $0.text() }, languages: [random.pick(Self.languages)],
            criteria: maybe { Criteria(narrative: $0.text()) }, tags: random.chance(0.4) ? ["digital", "green"] : [],
            stacking: Stacking(isPartOf: random.chance(0.3) ? ["https://uni.example.eu/programmes/7"] : []))
        let body = organisation()
        return Credential(
            id: random.chance(0.9) ? "urn:uuid:00000000-0000-4000-8000-\(String(serial, radix: 16).leftPadded(to: 12))" : nil,
            title: maybe { $0.text() }, issued: random.chance(0.5) ? .date(issued) : .dateTime(DateTime(date: issued, hour: 9, minute: 30)!),
            validUntil: random.chance(0.3) ? .date(CalendarDate(year: issued.year + 5, month: issued.month, day: issued.day)!) : nil,
            learner: learner, issuer: random.chance(0.3) ? organisation() : nil, awardingBodies: [body], achievement: achievement,
            result: maybe { CredentialResult(grade: $0.random.pick(["1,7", "A", "passed", "18/20"]), status: "passed") },
            furtherInformation: maybe { $0.text() },
            unmapped: random.chance(0.3) ? [UnmappedField(format: "csv", path: "Notes", value: .string(phrase(1...3)))] : [])
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
