import XMLSupport

/// An element or attribute name with its namespace, as the schema tables and paths use it.
struct ELMName: Hashable, Sendable, CustomStringConvertible {
    /// The namespace name, or `nil` for none.
    var namespace: String?
    var local: String

    init(_ local: String, namespace: String? = ELMNamespace.snb) {
        self.local = local
        self.namespace = namespace
    }

    /// A name in the `cred:` namespace.
    static func cred(_ local: String) -> ELMName { ELMName(local, namespace: ELMNamespace.cred) }

    /// The name of an element.
    init(of element: XMLElement) {
        self.init(element.localName, namespace: element.namespaceURI)
    }

    /// The name of an element as read.
    init(of element: XMLRecordedTree.Element) {
        self.init(element.localName, namespace: element.namespaceURI)
    }

    /// The name of an attribute (attributes without a prefix are in no namespace).
    init(of attribute: XMLAttribute) {
        self.init(attribute.localName, namespace: attribute.namespaceURI)
    }

    /// The name as a path step: the local name in the credential namespace (and for unprefixed
    /// attributes), `cred:issued` for well-known namespaces, `{uri}local` otherwise.
    var description: String {
        guard let namespace, namespace != ELMNamespace.snb else { return local }
        if let prefix = ELMNamespace.knownPrefixes[namespace] { return "\(prefix):\(local)" }
        return "{\(namespace)}\(local)"
    }

    /// Parses a path step written by ``description``; `defaultNamespace` applies to a bare local
    /// name (the credential namespace for elements, none for attributes).
    init?(step: Substring, defaultNamespace: String?) {
        if step.hasPrefix("{") {
            guard let close = step.firstIndex(of: "}") else { return nil }
            let namespace = String(step[step.index(after: step.startIndex)..<close])
            self.init(String(step[step.index(after: close)...]), namespace: namespace)
        } else if let colon = step.firstIndex(of: ":") {
            let prefix = String(step[..<colon])
            guard let namespace = ELMNamespace.knownPrefixes.first(where: { $0.value == prefix })?.key else { return nil }
            self.init(String(step[step.index(after: colon)...]), namespace: namespace)
        } else {
            self.init(String(step), namespace: defaultNamespace)
        }
    }
}
