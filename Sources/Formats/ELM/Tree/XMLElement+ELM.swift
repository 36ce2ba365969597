import XMLSupport

/// Building and querying credential trees in the credential namespace.
extension XMLElement {
    /// An element in the credential namespace.
    static func snb(_ local: String, _ attributes: [(String, String)] = [], children: [XMLElement] = []) -> XMLElement {
        snb(local, attributes: attributes.map { XMLAttribute(localName: $0.0, value: $0.1) }, children: children.map { .element($0) })
    }

    /// An element in the credential namespace, its attributes and children given as they are
    /// stored (cheaper for the elements every credential holds many of).
    static func snb(_ local: String, attributes: [XMLAttribute], children: [XMLElement.Child]) -> XMLElement {
        XMLElement(localName: local, namespaceURI: ELMNamespace.snb, attributes: attributes, children: children)
    }

    /// An element in the credential namespace holding only text.
    static func snb(_ local: String, _ attributes: [(String, String)] = [], text: String) -> XMLElement {
        snb(local, attributes: attributes.map { XMLAttribute(localName: $0.0, value: $0.1) }, text: text)
    }

    /// An element in the credential namespace holding only text, its attributes given as they are
    /// stored.
    static func snb(_ local: String, attributes: [XMLAttribute], text: String) -> XMLElement {
        XMLElement(localName: local, namespaceURI: ELMNamespace.snb, attributes: attributes, children: text.isEmpty ? [] : [.text(text)])
    }

    /// An element in the `cred:` namespace holding only text.
    static func cred(_ local: String, text: String) -> XMLElement {
        XMLElement(
            localName: local, namespaceURI: ELMNamespace.cred, prefix: ELMNamespace.credPrefix,
            children: text.isEmpty ? [] : [.text(text)])
    }

    /// An `IdReferenceType` element (`<x idref="…"/>`), in the credential namespace unless
    /// `namespace` says otherwise.
    static func reference(_ local: String, to id: String, namespace: String = ELMNamespace.snb) -> XMLElement {
        XMLElement(
            localName: local, namespaceURI: namespace, prefix: namespace == ELMNamespace.cred ? ELMNamespace.credPrefix : nil,
            attributes: [XMLAttribute(localName: "idref", value: id)])
    }

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
