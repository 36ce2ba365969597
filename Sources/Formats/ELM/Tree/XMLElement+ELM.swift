import XMLSupport

/// Querying credential trees in the credential namespace.
extension XMLElement {
    /// The child elements in the credential namespace named `local`.
    func children(_ local: String) -> [XMLElement] {
        var found: [XMLElement] = []
        for case .element(let element) in children where element.localName == local && element.namespaceURI == ELMNamespace.snb {
            found.append(element)
        }
        return found
    }

    /// The first child element in the credential namespace named `local`.
    func child(_ local: String) -> XMLElement? {
        firstElement(named: local, namespaceURI: ELMNamespace.snb)
    }

    /// The first child element in the `cred:` namespace named `local`.
    func credChild(_ local: String) -> XMLElement? {
        firstElement(named: local, namespaceURI: ELMNamespace.cred)
    }

    /// The element's text with surrounding white space removed; `nil` when that leaves nothing.
    var trimmedText: String? {
        let value = text.trimmingWhitespace()
        return value.isEmpty ? nil : value
    }

    /// The value of the unprefixed attribute `local`, with surrounding white space removed.
    func trimmedAttribute(_ local: String) -> String? {
        attribute(local).map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the element has child elements (as opposed to text only).
    var hasElementChildren: Bool {
        children.contains { if case .element = $0 { true } else { false } }
    }

    /// The element with white-space-only text removed wherever it sits between child elements (the
    /// indentation of element-only content), recursively; text-only content is left as it is.
    var withoutFormatting: XMLElement {
        var copy = self
        guard hasElementChildren else { return copy }
        copy.children = children.compactMap { child in
            switch child {
            case .element(let element): .element(element.withoutFormatting)
            case .text(let text): text.isWhitespaceOnly ? nil : .text(text)
            }
        }
        return copy
    }
}
