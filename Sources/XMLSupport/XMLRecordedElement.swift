import ByteOutput

/// An element read from a document, kept as a compact recording of its content: flat lists of
/// its elements, attributes, namespace declarations and children, with the bytes of its values
/// and texts, and no object per node.
///
/// Recording is cheaper for the parsing thread than building the tree, and a batch reader hands
/// recordings to other threads. There a recording is read in place (``XMLRecordedTree``), or
/// built into its tree (``element()``), on the core that works on it.
///
/// ``XMLPullReader/readRecordedElement()`` makes one; it holds no libxml2 memory.
public struct XMLRecordedElement: Sendable {
    /// One element: where its names are in ``names``, its position, and where its attributes,
    /// namespace declarations and content are in the other lists.
    @usableFromInline
    struct ElementEntry: Sendable {
        @usableFromInline var localName: Int32
        /// -1 when the element is in no namespace.
        @usableFromInline var namespaceURI: Int32
        /// -1 when the element has no prefix.
        @usableFromInline var prefix: Int32
        @usableFromInline var attributes: Range<Int32>
        @usableFromInline var declarations: Range<Int32>
        /// Where the element's content begins in ``nodes``: its children, each child element
        /// followed by its own content.
        @usableFromInline var contentStart: Int32
        /// Where the element's content ends in ``nodes``.
        @usableFromInline var contentEnd: Int32 = 0
        @usableFromInline var line: Int
        @usableFromInline var column: Int
    }

    /// One attribute: its names (as for an element) and where its value's bytes are.
    @usableFromInline
    struct AttributeEntry: Sendable {
        @usableFromInline var localName: Int32
        @usableFromInline var namespaceURI: Int32
        @usableFromInline var prefix: Int32
        @usableFromInline var value: Range<Int32>
    }

    /// A namespace declaration: its prefix (-1 for the default namespace) and its URI.
    @usableFromInline
    struct DeclarationEntry: Sendable {
        @usableFromInline var prefix: Int32
        @usableFromInline var uri: Int32
    }

    /// A node of content: an element (`value` holds its index in ``elements``) or a text (`value`
    /// is where its bytes are).
    @usableFromInline
    struct NodeEntry: Sendable {
        @usableFromInline var value: Range<Int32>
        @usableFromInline var isText: Bool
    }

    /// The names the entries refer to (the strings themselves are shared). A name recorded as the
    /// parser reports it is listed once, however often it is used.
    @usableFromInline let names: [String]
    /// The UTF-8 bytes of the attribute values and texts.
    @usableFromInline let bytes: [UInt8]
    /// The elements in document order, the recorded element first.
    @usableFromInline let elements: [ElementEntry]
    @usableFromInline let attributes: [AttributeEntry]
    /// The declarations of the elements inside (the recorded element's are
    /// ``namespaceDeclarations``).
    @usableFromInline let declarations: [DeclarationEntry]
    /// The content of the recorded element, in document order: every element inside it and every
    /// text.
    @usableFromInline let nodes: [NodeEntry]

    /// The 1-based line of the element's start tag.
    public var line: Int { elements[0].line }
    /// The 1-based column of the element's start tag.
    public var column: Int { elements[0].column }
    /// The namespace declarations the built element gets: those written on it, and any added since.
    public var namespaceDeclarations: [XMLNamespaceDeclaration]

    init(
        names: [String], bytes: [UInt8], elements: [ElementEntry], attributes: [AttributeEntry], declarations: [DeclarationEntry],
        nodes: [NodeEntry], namespaceDeclarations: [XMLNamespaceDeclaration]
    ) {
        self.names = names
        self.bytes = bytes
        self.elements = elements
        self.attributes = attributes
        self.declarations = declarations
        self.nodes = nodes
        self.namespaceDeclarations = namespaceDeclarations
    }

    /// The recording of `element`, as reading it would make one: text children next to each
    /// other are joined, and empty ones left out (reading never makes either).
    public init(recording element: XMLElement) {
        var recorder = XMLTreeRecorder()
        func record(_ element: XMLElement) -> XMLRecordedElement? {
            recorder.startElement(
                localName: element.localName, namespaceURI: element.namespaceURI, prefix: element.prefix, line: element.line,
                column: element.column, attributeCount: element.attributes.count)
            for attribute in element.attributes { recorder.attribute(attribute) }
            recorder.namespaceDeclarations(element.namespaceDeclarations)
            for child in element.children {
                switch child {
                case .text(var text): text.withUTF8 { recorder.text($0) }
                case .element(let inner): _ = record(inner)
                }
            }
            return recorder.endElement()
        }
        guard let recording = record(element) else { preconditionFailure("the recording of an element ends with it") }
        self = recording
    }

    /// The element's tree: what ``XMLPullReader/readElement()`` returns for it.
    public func element() -> XMLElement {
        element(at: 0)
    }

    /// The tree of the element at `index` in ``elements``.
    func element(at index: Int) -> XMLElement {
        let entry = elements[index]
        var children: [XMLElement.Child] = []
        var position = entry.contentStart
        while position < entry.contentEnd {
            let child = nodes[Int(position)]
            children.append(child.isText ? .text(string(child.value)) : .element(element(at: Int(child.value.lowerBound))))
            position = nextSibling(of: position)
        }
        return XMLElement(
            localName: name(entry.localName), namespaceURI: optionalName(entry.namespaceURI), prefix: optionalName(entry.prefix),
            attributes: entry.attributes.map { position in
                let attribute = attributes[Int(position)]
                return XMLAttribute(
                    localName: name(attribute.localName), namespaceURI: optionalName(attribute.namespaceURI),
                    prefix: optionalName(attribute.prefix), value: string(attribute.value))
            },
            namespaceDeclarations: index == 0
                ? namespaceDeclarations
                : entry.declarations.map { position in
                    let declaration = declarations[Int(position)]
                    return XMLNamespaceDeclaration(prefix: optionalName(declaration.prefix), uri: name(declaration.uri))
                },
            children: children, line: entry.line, column: entry.column)
    }

    /// The position in ``nodes`` of the node after the one at `position` and its content.
    @inlinable @inline(__always)
    func nextSibling(of position: Int32) -> Int32 {
        let node = nodes[Int(position)]
        return node.isText ? position + 1 : elements[Int(node.value.lowerBound)].contentEnd
    }

    /// The name at `index` in ``names``.
    @inlinable @inline(__always)
    func name(_ index: Int32) -> String {
        names[Int(index)]
    }

    /// The name at `index` in ``names``, or `nil` for -1.
    @inlinable @inline(__always)
    func optionalName(_ index: Int32) -> String? {
        index < 0 ? nil : names[Int(index)]
    }

    /// Calls `body` with the bytes at `range` of ``bytes``.
    @inlinable @inline(__always)
    func withBytes<Result>(_ range: Range<Int32>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { bytes in
            body(UnsafeBufferPointer(rebasing: bytes[Int(range.lowerBound)..<Int(range.upperBound)]))
        }
    }

    /// Whether the bytes at `range` of ``bytes`` are `text`'s UTF-8 bytes.
    @usableFromInline
    func hasBytes(of text: String, at range: Range<Int32>) -> Bool {
        guard range.count == text.utf8.count else { return false }
        // A native string lends its bytes; `withUTF8` would count a reference to copy it.
        let compare = { (spelled: UnsafeBufferPointer<UInt8>) in withBytes(range) { ByteComparison.equal($0, spelled) } }
        if let same = text.utf8.withContiguousStorageIfAvailable(compare) { return same }
        var text = text
        return text.withUTF8(compare)
    }

    /// The text of the bytes at `range` of ``bytes``.
    @inlinable
    func string(_ range: Range<Int32>) -> String {
        withBytes(range) { String(decoding: $0, as: UTF8.self) }
    }
}
