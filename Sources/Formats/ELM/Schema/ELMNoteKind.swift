import XMLSupport

/// The `additionalNote`s by which model fields without an element of their own are written, told
/// apart by their `subject`.
///
/// | note | on | subject |
/// |---|---|---|
/// | further information | the achievement | text `Further information` |
/// | criteria | the specification | text `Criteria` |
/// | integration and stackability | the specification | `uri` …`qualification-topics#pathways` |
/// | quality assurance | the specification | `uri` …`qualification-topics#accreditation-and-quality-assurance`, text: the type |
enum ELMNoteKind: CaseIterable {
    case furtherInformation
    case criteria
    case stackability
    case qualityAssurance

    static let pathwaysTopic = "http://data.europa.eu/snb/qualification-topics#pathways"
    static let qualityTopic = "http://data.europa.eu/snb/qualification-topics#accreditation-and-quality-assurance"

    /// The subject's topic URI, for the kinds identified by one.
    var topic: String? {
        switch self {
        case .furtherInformation, .criteria: nil
        case .stackability: Self.pathwaysTopic
        case .qualityAssurance: Self.qualityTopic
        }
    }

    /// The subject's text, for the kinds identified by it (and written for the stackability note).
    var subjectText: String? {
        switch self {
        case .furtherInformation: "Further information"
        case .criteria: "Criteria"
        case .stackability: "Integration and stackability"
        case .qualityAssurance: nil
        }
    }

    /// The kind of an `additionalNote` read from a document, from its first subject.
    init?(note: XMLRecordedTree.Element) {
        guard let subject = note.child("subject") else { return nil }
        if let topic = subject.attribute("uri")?.trimmingWhitespace() {
            guard let kind = Self.allCases.first(where: { $0.topic == topic }) else { return nil }
            self = kind
            return
        }
        let text = subject.text.trimmingWhitespace().lowercased()
        guard let kind = Self.allCases.first(where: { $0.topic == nil && $0.subjectText?.lowercased() == text }) else { return nil }
        self = kind
    }
}
