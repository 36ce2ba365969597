import MicrocredPipeline
import XMLSupport

/// The elements of one credential by their `id`, for resolving `idref`s.
struct ELMIdIndex {
    private var elements: [String: XMLElement] = [:]

    init(_ root: XMLElement) {
        // Room for the ids of a typical credential, so the table is not rebuilt as it fills.
        elements.reserveCapacity(32)
        var pending = [root]
        while let element = pending.popLast() {
            if let id = element.attribute("id"), elements[id] == nil { elements[id] = element }
            for case .element(let child) in element.children.reversed() { pending.append(child) }
        }
    }

    /// The element with `id`.
    subscript(id: String) -> XMLElement? { elements[id] }

    /// The element a reference element's `idref` names, when it has one and it resolves.
    func resolve(_ reference: XMLElement?) -> XMLElement? {
        reference?.attribute("idref").flatMap { elements[$0] }
    }

    /// A warning for every `idref` in `root` that names no element of the credential.
    func unresolvedReferences(in root: XMLElement) -> [Diagnostic] {
        // The paths the warnings name are worked out only for a credential that needs them.
        let hasUnresolved = root.containsElement { element in
            if let id = element.attribute("idref") { elements[id] == nil } else { false }
        }
        guard hasUnresolved else { return [] }
        var diagnostics: [Diagnostic] = []
        var names: [ELMName] = []
        func visit(_ element: XMLElement) {
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
