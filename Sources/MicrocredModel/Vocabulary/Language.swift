/// A language from `languages.tsv`.
public struct Language: Hashable, Sendable {
    /// ISO 639-1 two-letter code (`en`), where the language has one.
    public let iso6391: String?
    /// ISO 639-2/T code (`deu`), where the EU authority code is an ISO 639-2 code.
    public let iso6392: String?
    /// ISO 639-2/B code (`ger`), equal to ``iso6392`` unless ISO defines a separate one.
    public let iso6392B: String?
    /// The EU language authority code, the IRI's last segment (`DEU`).
    public let euAuthorityCode: String
    /// EU language authority IRI (`http://publications.europa.eu/resource/authority/language/DEU`).
    public let iri: String
    /// English name.
    public let name: String

    /// Creates a language from its fields.
    public init(iso6391: String?, iso6392: String?, iso6392B: String?, euAuthorityCode: String, iri: String, name: String) {
        self.iso6391 = iso6391
        self.iso6392 = iso6392
        self.iso6392B = iso6392B
        self.euAuthorityCode = euAuthorityCode
        self.iri = iri
        self.name = name
    }

    /// The language a `languages` concept describes, or `nil` for a concept of another table or
    /// one without an IRI.
    public init?(concept: VocabularyConcept) {
        guard concept.kind == .languages, let iri = concept.iri else { return nil }
        self.init(
            iso6391: concept["iso639_1"], iso6392: concept["iso639_2t"], iso6392B: concept["iso639_2b"],
            euAuthorityCode: concept.code, iri: iri, name: concept.label)
    }
}
