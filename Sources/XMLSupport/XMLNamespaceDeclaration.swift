/// One namespace declaration on an element: `xmlns="uri"` or `xmlns:prefix="uri"`.
public struct XMLNamespaceDeclaration: Hashable, Sendable {
    /// The declared prefix, or `nil` for the default namespace.
    public var prefix: String?
    /// The namespace name; empty to undeclare the default namespace.
    public var uri: String

    /// Creates a declaration.
    /// - Parameters:
    ///   - prefix: The prefix, or `nil` for the default namespace.
    ///   - uri: The namespace name.
    public init(prefix: String?, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }
}
