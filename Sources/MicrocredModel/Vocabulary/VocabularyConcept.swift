/// One row of a vocabulary table: a concept with its code, IRI, English label and any
/// table-specific columns.
public struct VocabularyConcept: Hashable, Sendable {
    /// The table the concept belongs to.
    public let kind: VocabularyKind
    /// The concept's code as written in the table (`0613`, `DE`, `ENG`, `920fbb3cbe`).
    public let code: String
    /// The EU concept IRI, or `nil` where the vocabulary has none (QF-EHEA cycles).
    public let iri: String?
    /// The English label.
    public let label: String
    /// The IRI of the concept scheme (the ELM `targetFrameworkUrl`), when known.
    public let schemeIRI: String?
    /// The table-specific columns that have a value in this row, by column name.
    public let values: [String: String]

    /// Creates a concept.
    public init(
        kind: VocabularyKind, code: String, iri: String?, label: String, schemeIRI: String?,
        values: [String: String] = [:]
    ) {
        self.kind = kind
        self.code = code
        self.iri = iri
        self.label = label
        self.schemeIRI = schemeIRI
        self.values = values
    }

    /// The value of a table-specific column (`alpha3`, `iso639_1`, `level`…), or `nil` when the
    /// column is empty in this row or absent from the table.
    public subscript(column: String) -> String? { values[column] }
}
