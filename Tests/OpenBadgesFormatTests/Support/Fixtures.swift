import MicrocredModel

/// Model credentials for writer tests.
enum Fixtures {
    /// A micro-credential with every EU element and most optional fields set.
    static var microCredential: Credential {
        let university = Organisation(
            id: "https://uni.example.eu", name: LocalizedText(entries: [.init(language: "en", value: "Example University"), .init(language: "de", value: "Beispieluniversität")]),
            legalName: "Example University of Applied Sciences", registrationIds: [Identifier("DE123456789", scheme: "vatNumber"), Identifier("E-12", scheme: "http://example.org/schemes/erasmus", issuer: "European Commission")],
            country: "DE", region: "Bavaria", homepage: "https://uni.example.eu/", email: "registry@uni.example.eu", logo: "https://uni.example.eu/logo.png")
        let agency = Organisation(id: "https://qa.example.eu", name: "Accreditation Agency", country: "AT")
        let achievement = Achievement(
            id: "https://uni.example.eu/courses/data-analysis", otherIdentifiers: [Identifier("DA-101", scheme: "courseCode")],
            title: LocalizedText(entries: [.init(language: "en", value: "Data analysis"), .init(language: "de", value: "Datenanalyse")]),
            description: "Analysing data with open tools.", achievementType: "MicroCredential",
            learningOutcomes: [
                LearningOutcome(text: "Apply statistical methods", escoSkill: "http://data.europa.eu/esco/skill/81a2db2c-7e55-44d0-9cd9-74c25147d7cd"),
                LearningOutcome(text: "Write reproducible reports"),
            ],
            iscedFields: ["0542", "0613"], level: Level(eqf: 6, nqf: [NQFLevel(framework: "DQR", value: "6")], qfEhea: .first),
            workload: Workload(hours: DecimalNumber("150")!, credits: [CreditPoints(points: DecimalNumber("5")!), CreditPoints(framework: "ECVET", points: DecimalNumber("7.5")!)]),
            participation: Participation(mode: "blended", setting: "non-formal"),
            assessment: Assessment(type: "written examination", supervision: "supervised-with-id-verification", description: "A 90-minute exam."),
            qualityAssurance: [QualityAssurance(type: "program accreditation", body: agency, reference: "QA-2025/17")],
            prerequisites: "Basic statistics", languages: ["en", "de"], criteria: Criteria(narrative: "Pass the exam.", url: "https://uni.example.eu/courses/data-analysis/criteria"),
            image: "https://uni.example.eu/badges/data.png", tags: ["data", "statistics"],
            alignments: [Alignment(targetName: "Data literacy", targetUrl: "https://framework.example.org/data-literacy", targetFramework: "Example Framework", targetCode: "DL1", targetType: "CFItem")],
            stacking: Stacking(isPartOf: ["https://uni.example.eu/programmes/data-science"], note: "Counts towards the data science certificate."),
            homepage: "https://uni.example.eu/courses/data-analysis")
        return Credential(
            id: "urn:uuid:6e1f8a4c-1d3b-4c43-9c5e-2f4b6a7d8e90", otherIdentifiers: [Identifier("C-2026-0042", scheme: "certificateNumber")],
            credentialType: "Generic", title: "Micro-credential in data analysis", issued: .date(CalendarDate(year: 2026, month: 1, day: 10)!),
            validUntil: .dateTime(DateTime(date: CalendarDate(year: 2031, month: 1, day: 10)!, hour: 23, minute: 59, second: 59)!),
            learner: Learner(
                fullName: "Zoë Müller", givenNames: "Zoë", familyName: "Müller", dateOfBirth: CalendarDate(year: 2001, month: 4, day: 2),
                email: "zoe.mueller@student.example.eu", nationalId: Identifier("X1234567", scheme: "DE"),
                studentIds: [Identifier("S0042", scheme: "studentId")], citizenship: ["DE"]),
            issuer: nil, awardingBodies: [university], achievement: achievement,
            result: CredentialResult(grade: "1,7", gradingScheme: "German grades 1-5", status: "passed", creditsEarned: [CreditPoints(points: DecimalNumber("5")!)]),
            evidence: [Evidence(id: "https://uni.example.eu/evidence/42", name: "Exam record")],
            furtherInformation: "See the course page.",
            unmapped: [UnmappedField(format: "csv", path: "Notes", value: "remote cohort")])
    }
}
