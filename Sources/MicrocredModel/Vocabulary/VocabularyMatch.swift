/// The result of a vocabulary lookup: the concept found and how the input matched it.
public struct VocabularyMatch: Hashable, Sendable {
    /// How an input value matched a concept.
    public enum How: String, Hashable, Sendable {
        /// The input is one of the concept's codes (compared case-insensitively).
        case code
        /// The input is the concept's IRI, give or take whitespace, a trailing slash, `https` or
        /// letter case.
        case iri
        /// The input is the concept's English label, ignoring case, diacritics and hyphens.
        case label
        /// The input is one of the concept's aliases (`aliases.tsv`).
        case alias
        /// The input is the concept's code with its leading zeros lost (ISCED-F `613` for `0613`).
        case padded
    }

    /// The concept found.
    public let concept: VocabularyConcept
    /// How the input matched it.
    public let how: How
    /// The value that was looked up, as given.
    public let input: String

    /// Creates a match.
    public init(concept: VocabularyConcept, how: How, input: String) {
        self.concept = concept
        self.how = how
        self.input = input
    }

    /// Whether the input was already the concept's canonical form: exactly its code or exactly
    /// its IRI, without any trimming, case change or padding.
    public var isCanonical: Bool {
        switch how {
        case .code: input == concept.code
        case .iri: input == concept.iri
        case .label, .alias, .padded: false
        }
    }
}
