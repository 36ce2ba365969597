import MicrocredPipeline
import XMLSupport

/// The elements of one credential by their `id`, for resolving `idref`s.
struct ELMIdIndex {
    private var elements: [String: XMLRecordedTree.Element] = [:]

    /// An empty index (``ELMTreeSurvey`` fills it).
    init() {
        // Room for the ids of a typical credential, so the table is not rebuilt as it fills.
        elements.reserveCapacity(32)
    }

    /// Adds `element` under `id`, unless an earlier element has that id.
    mutating func add(_ element: XMLRecordedTree.Element, id: String) {
        if elements[id] == nil { elements[id] = element }
    }

    /// The element with `id`.
    subscript(id: String) -> XMLRecordedTree.Element? { elements[id] }

    /// The element a reference element's `idref` names, when it has one and it resolves.
    func resolve(_ reference: XMLRecordedTree.Element?) -> XMLRecordedTree.Element? {
        reference?.attribute("idref").flatMap { elements[$0] }
    }

    /// A warning for every `idref` in `root` that names no element of the credential, with the
    /// path to it (a walk over the tree, for a credential whose survey found such an `idref`).
    func unresolvedReferences(in root: XMLRecordedTree.Element) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var names: [ELMName] = []
        func visit(_ element: XMLRecordedTree.Element) {
            names.append(ELMName(of: element))
            defer { names.removeLast() }
            if let id = element.attribute("idref"), elements[id] == nil {
                diagnostics.append(
                    Diagnostic(
                        code: ELMCode.unresolvedIDRef, severity: .warning,
                        message: "idref '\(id)' names no element of the credential",
                        hint: "add the element with id '\(id)' to its reference list, or correct the idref",
                        location: SourceLocation(
                            line: element.line == 0 ? nil : element.line, column: element.column == 0 ? nil : element.column,
                            field: "/" + names.map(\.description).joined(separator: "/"))))
            }
            for case .element(let child) in element.children { visit(child) }
        }
        visit(root)
        return diagnostics
    }
}
