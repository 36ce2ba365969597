import Foundation
public import MicrocredModel

/// Brings one controlled-vocabulary value to its canonical form and says what it did: the
/// shared step behind the vocabulary stages.
///
/// A value that names a concept by code, IRI or English label is replaced silently; one that
/// names it by an alias (`Fernstudium`, `hybrid`) or by a code that lost its leading zeros gets a
/// note quoting before and after, since that is an interpretation; one that names nothing is kept
/// and gets a warning with the accepted values.
public struct ConceptNormaliser: Sendable {
    /// The vocabulary the values belong to.
    public let kind: VocabularyKind
    /// The words used in diagnostic codes and messages (`learning-mode`, "learning mode").
    public let codeName: String
    public let displayName: String
    /// The canonical form of a matched concept (its IRI, its code…).
    public let canonical: @Sendable (VocabularyConcept) -> String

    public init(
        kind: VocabularyKind, codeName: String, displayName: String,
        canonical: @escaping @Sendable (VocabularyConcept) -> String = { $0.iri ?? $0.code }
    ) {
        self.kind = kind
        self.codeName = codeName
        self.displayName = displayName
        self.canonical = canonical
    }

    /// The canonical form of `value`, or `value` trimmed when it names no concept.
    public func normalise(
        _ value: String, field: @autoclosure () -> String, vocabularies: Vocabularies, diagnostics: inout [Diagnostic]
    ) -> String {
        let trimmed = value.trimmingWhitespace()
        guard let match = vocabularies.match(trimmed, in: kind) else {
            if !trimmed.isEmpty {
                let known = vocabularies[kind].concepts.prefix(12).map(\.label).joined(separator: ", ")
                diagnostics.append(
                    .warning(
                        "value.unknown-\(codeName)", "'\(trimmed)' is not a known \(displayName)",
                        hint: "use a code, IRI or label of the list (\(known)\(vocabularies[kind].concepts.count > 12 ? ", …" : "")) or add a value map to the mapping",
                        field: field()))
            }
            return trimmed
        }
        let result = canonical(match.concept)
        switch match.how {
        case .alias, .padded:
            diagnostics.append(
                .note(
                    "normalise.\(codeName)", "\(displayName) '\(trimmed)' read as '\(match.concept.label)' (\(result))",
                    field: field()))
        case .code, .iri, .label:
            break
        }
        return result
    }
}
