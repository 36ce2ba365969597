/// One row of a vocabulary table: a concept with its code, IRI, English label and any
/// table-specific columns.
///
/// Copies share the row: a concept is copied with every vocabulary match a record makes, and one
/// reference costs less to copy than the row's strings and columns.
public struct VocabularyConcept: Hashable, Sendable {
    private final class Row: Sendable {
        let kind: VocabularyKind
        let code: String
        let iri: String?
        let label: String
        let schemeIRI: String?
        let values: [String: String]

        init(kind: VocabularyKind, code: String, iri: String?, label: String, schemeIRI: String?, values: [String: String]) {
            self.kind = kind
            self.code = code
            self.iri = iri
            self.label = label
            self.schemeIRI = schemeIRI
            self.values = values
        }
    }

    private let row: Row

    /// The table the concept belongs to.
    public var kind: VocabularyKind { row.kind }
    /// The concept's code as written in the table (`0613`, `DE`, `ENG`, `920fbb3cbe`).
    public var code: String { row.code }
    /// The EU concept IRI, or `nil` where the vocabulary has none (QF-EHEA cycles).
    public var iri: String? { row.iri }
    /// The English label.
    public var label: String { row.label }
    /// The IRI of the concept scheme (the ELM `targetFrameworkUrl`), when known.
    public var schemeIRI: String? { row.schemeIRI }
    /// The table-specific columns that have a value in this row, by column name.
    public var values: [String: String] { row.values }

    /// Creates a concept.
    public init(
        kind: VocabularyKind, code: String, iri: String?, label: String, schemeIRI: String?,
        values: [String: String] = [:]
    ) {
        row = Row(kind: kind, code: code, iri: iri, label: label, schemeIRI: schemeIRI, values: values)
    }

    /// The value of a table-specific column (`alpha3`, `iso639_1`, `level`…), or `nil` when the
    /// column is empty in this row or absent from the table.
    public subscript(column: String) -> String? { row.values[column] }

    /// Concepts are equal when their fields are, whether or not they share a row.
    public static func == (lhs: VocabularyConcept, rhs: VocabularyConcept) -> Bool {
        lhs.row === rhs.row
            || (lhs.kind == rhs.kind && lhs.code == rhs.code && lhs.iri == rhs.iri && lhs.label == rhs.label
                && lhs.schemeIRI == rhs.schemeIRI && lhs.values == rhs.values)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(code)
        hasher.combine(iri)
        hasher.combine(label)
        hasher.combine(schemeIRI)
        hasher.combine(values)
    }
}
