/// A failure to read, write or load XML, carrying the issue that stopped the work.
///
/// Thrown by ``XMLPullReader`` when a document is not well-formed or is refused, by
/// ``XMLStreamWriter`` when it is misused, and by ``XMLSchema`` when a schema cannot be loaded.
public struct XMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The issue that stopped the work.
    public var issue: XMLIssue
    /// Further errors reported together with ``issue`` (such as the other errors of a schema).
    public var additionalIssues: [XMLIssue]
    /// The document or schema concerned, as named by the caller.
    public var documentName: String?

    /// Creates an error from the issue that stopped the work.
    /// - Parameters:
    ///   - issue: The issue that stopped the work.
    ///   - additionalIssues: Further errors reported at the same time.
    ///   - documentName: The document or schema concerned.
    public init(_ issue: XMLIssue, additionalIssues: [XMLIssue] = [], documentName: String? = nil) {
        self.issue = issue
        self.additionalIssues = additionalIssues
        self.documentName = documentName
    }

    /// ``issue`` followed by ``additionalIssues``.
    public var issues: [XMLIssue] { [issue] + additionalIssues }

    /// The stable code of ``issue``.
    public var code: String { issue.code }

    /// `document:line:column: error: message [code]`.
    public var description: String {
        guard let documentName else { return issue.description }
        return issue.line == nil ? "\(documentName): \(issue)" : "\(documentName):\(issue)"
    }
}
