/// An element's name as XML Namespaces compares it: the local name and the namespace name,
/// whatever prefix the document writes.
public struct XMLExpandedName: Hashable, Sendable {
    /// The local name (`europassCredential`).
    public var localName: String
    /// The namespace name, or `nil` for an element in no namespace.
    public var namespaceURI: String?

    /// Creates a name.
    public init(localName: String, namespaceURI: String?) {
        self.localName = localName
        self.namespaceURI = namespaceURI
    }
}
