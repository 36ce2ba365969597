/// One attribute of an element, as read or to be written.
public struct XMLAttribute: Hashable, Sendable {
    /// The local name, without prefix (`id` for `cred:id`).
    public var localName: String
    /// The namespace name the prefix stood for, or `nil` for an unprefixed attribute.
    public var namespaceURI: String?
    /// The prefix as written (`cred`), or `nil`.
    public var prefix: String?
    /// The value, with character and entity references replaced.
    public var value: String

    /// Creates an attribute.
    /// - Parameters:
    ///   - localName: The local name, without prefix.
    ///   - namespaceURI: The namespace name, or `nil` for none.
    ///   - prefix: The prefix to write, or `nil`.
    ///   - value: The value, unescaped.
    public init(localName: String, namespaceURI: String? = nil, prefix: String? = nil, value: String) {
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        self.value = value
    }

    /// `prefix:localName`, or the local name alone.
    public var qualifiedName: String { prefix.map { "\($0):\(localName)" } ?? localName }
}
