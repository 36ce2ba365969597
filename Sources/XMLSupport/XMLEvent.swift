/// One step of an ``XMLPullReader``: the start or end of an element, a run of text, a comment or a
/// processing instruction, with where it is in the document.
///
/// Events are values that own their strings; they stay valid after the reader moves on or is gone.
public struct XMLEvent: Hashable, Sendable {
    /// What kind of node an event reports.
    public enum Kind: Hashable, Sendable {
        /// A start tag, or an empty-element tag `<a/>`.
        case startElement
        /// An end tag; an empty-element tag `<a/>` also produces one, right after its start.
        case endElement
        /// Character data, including CDATA sections, that holds something other than white space.
        case text
        /// Character data made only of spaces, tabs and line breaks.
        case whitespace
        /// A comment; ``XMLEvent/value`` holds its text.
        case comment
        /// A processing instruction; ``XMLEvent/localName`` is its target and ``XMLEvent/value`` its data.
        case processingInstruction
    }

    /// What kind of node this is.
    public var kind: Kind
    /// The element's local name (`europassCredential`), or a processing instruction's target;
    /// empty for text and comments.
    public var localName: String
    /// The element's namespace name, or `nil` when it is in no namespace.
    public var namespaceURI: String?
    /// The element's prefix as written, or `nil`.
    public var prefix: String?
    /// The attributes of a start tag, in document order, without namespace declarations.
    public var attributes: [XMLAttribute]
    /// The namespace declarations (`xmlns`, `xmlns:p`) of a start tag, in document order.
    public var namespaceDeclarations: [XMLNamespaceDeclaration]
    /// The character data of a text run (adjacent text and CDATA sections joined), a comment's
    /// text or a processing instruction's data; empty for elements.
    public var value: String
    /// How many elements enclose this node: 0 for the root element, 1 for its children and for
    /// text directly inside it.
    public var depth: Int
    /// Whether the element was written as `<a/>`; set on both of its events.
    public var isEmptyElement: Bool
    /// The 1-based line where the node starts: the `<` of a tag, comment or processing
    /// instruction, or the first character of a text run.
    public var line: Int
    /// The 1-based column, counted in characters, where the node starts.
    public var column: Int

    /// Creates an event.
    /// - Parameters:
    ///   - kind: What kind of node this is.
    ///   - localName: The element's local name or the processing instruction's target.
    ///   - namespaceURI: The element's namespace name.
    ///   - prefix: The element's prefix.
    ///   - attributes: The attributes, for a start tag.
    ///   - namespaceDeclarations: The namespace declarations, for a start tag.
    ///   - value: The character data, comment text or processing instruction data.
    ///   - depth: How many elements enclose the node.
    ///   - isEmptyElement: Whether the element was written as `<a/>`.
    ///   - line: The 1-based line where the node starts.
    ///   - column: The 1-based column where the node starts.
    public init(
        kind: Kind, localName: String = "", namespaceURI: String? = nil, prefix: String? = nil,
        attributes: [XMLAttribute] = [], namespaceDeclarations: [XMLNamespaceDeclaration] = [], value: String = "",
        depth: Int, isEmptyElement: Bool = false, line: Int, column: Int
    ) {
        self.kind = kind
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        self.attributes = attributes
        self.namespaceDeclarations = namespaceDeclarations
        self.value = value
        self.depth = depth
        self.isEmptyElement = isEmptyElement
        self.line = line
        self.column = column
    }

    /// The value of the attribute `localName` in namespace `namespaceURI` (`nil`: no namespace).
    public func attribute(_ localName: String, namespaceURI: String? = nil) -> String? {
        attributes.first { $0.localName == localName && $0.namespaceURI == namespaceURI }?.value
    }
}
