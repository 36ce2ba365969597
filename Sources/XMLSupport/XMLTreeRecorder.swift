import ByteOutput

/// Writes an element's content, as it is parsed, into an ``XMLRecordedElement``.
///
/// Calls follow the document: ``startElement(localName:namespaceURI:prefix:line:column:attributeCount:)``,
/// then exactly that many ``attribute(localName:namespaceURI:prefix:value:)`` calls and the
/// element's namespace declarations (``namespaceDeclarations(_:)``, or one
/// ``namespaceDeclaration(prefix:uri:)`` each inside the recorded element); ``text(_:)`` for
/// character data; ``endElement()`` for each end tag. The end of the first element started returns
/// the recording, and the recorder is ready for the next one.
///
/// Names are given as positions in the recording's list of names: ``name(_:)`` adds a string,
/// ``name(at:cache:)`` a name libxml2 reports, listed once per recording however often it is used.
///
/// A recording holds at most ``maximumSize`` bytes of values and texts and as many names: the
/// lists count in 32 bits. A reader asks ``isFull`` as it records, and refuses an element that
/// grows past it.
struct XMLTreeRecorder: ~Copyable {
    private typealias Entries = XMLRecordedElement

    private var names: [String] = []
    private var bytes = ByteBuffer(capacity: 4096)
    private var elements: [Entries.ElementEntry] = []
    private var attributes: [Entries.AttributeEntry] = []
    private var declarations: [Entries.DeclarationEntry] = []
    private var nodes: [Entries.NodeEntry] = []
    private var rootDeclarations: [XMLNamespaceDeclaration] = []
    /// The elements open, innermost last.
    private var open: [Int] = []
    /// Whether the last node recorded is a text of the innermost open element.
    private var endsWithText = false
    /// Where ``textSinceMark`` begins in ``bytes``.
    private var textMark = 0
    /// Whether a name cache lists this recording's names (see ``name(at:cache:)``).
    private var isListedByCache = false

    /// How many recorded elements are open: 0 between recordings.
    var depth: Int { open.count }

    /// The most bytes (of values and texts) and names one recording holds.
    static let maximumSize = 1 << 30

    /// Whether the recording has grown past ``maximumSize``: the reader must then give it up.
    var isFull: Bool { bytes.count > Self.maximumSize || names.count > Self.maximumSize || nodes.count > Self.maximumSize }

    /// Records a start tag; its attributes and namespace declarations follow. Names are positions
    /// from ``name(_:)`` or ``name(at:cache:)``, -1 for none.
    mutating func startElement(localName: Int32, namespaceURI: Int32, prefix: Int32, line: Int, column: Int, attributeCount: Int) {
        let index = elements.count
        if !open.isEmpty { nodes.append(Entries.NodeEntry(value: Self.position(index)..<Self.position(index + 1), isText: false)) }
        let firstAttribute = Self.position(attributes.count)
        let firstDeclaration = Self.position(declarations.count)
        elements.append(
            Entries.ElementEntry(
                localName: localName, namespaceURI: namespaceURI, prefix: prefix,
                attributes: Range(uncheckedBounds: (firstAttribute, firstAttribute &+ Int32(truncatingIfNeeded: attributeCount))),
                declarations: firstDeclaration..<firstDeclaration, contentStart: Self.position(nodes.count), line: line, column: column))
        open.append(index)
        endsWithText = false
    }

    /// Records a start tag; its attributes and namespace declarations follow.
    mutating func startElement(
        localName: String, namespaceURI: String?, prefix: String?, line: Int, column: Int, attributeCount: Int
    ) {
        let (local, namespace, prefixName) = (name(localName), name(namespaceURI), name(prefix))
        startElement(
            localName: local, namespaceURI: namespace, prefix: prefixName, line: line, column: column, attributeCount: attributeCount)
    }

    /// Records the start tag `event`, with its attributes and namespace declarations.
    mutating func startElement(_ event: XMLEvent) {
        startElement(
            localName: event.localName, namespaceURI: event.namespaceURI, prefix: event.prefix, line: event.line,
            column: event.column, attributeCount: event.attributes.count)
        for attribute in event.attributes { self.attribute(attribute) }
        namespaceDeclarations(event.namespaceDeclarations)
    }

    /// Records one attribute of the element just started; names are positions as for
    /// ``startElement(localName:namespaceURI:prefix:line:column:attributeCount:)``, and `value` is
    /// its UTF-8 text, unescaped.
    mutating func attribute(localName: Int32, namespaceURI: Int32, prefix: Int32, value: UnsafeBufferPointer<UInt8>) {
        attributes.append(Entries.AttributeEntry(localName: localName, namespaceURI: namespaceURI, prefix: prefix, value: appendBytes(value)))
    }

    /// Records one attribute of the element just started.
    mutating func attribute(_ attribute: XMLAttribute) {
        let (local, namespace, prefix) = (name(attribute.localName), name(attribute.namespaceURI), name(attribute.prefix))
        var value = attribute.value
        value.withUTF8 { self.attribute(localName: local, namespaceURI: namespace, prefix: prefix, value: $0) }
    }

    /// Records the namespace declarations of the element just started, after its attributes.
    mutating func namespaceDeclarations(_ declared: [XMLNamespaceDeclaration]) {
        guard open.count > 1 else {
            assert(elements[0].attributes.upperBound == Self.position(attributes.count), "as many attributes as the start tag said")
            rootDeclarations = declared
            return
        }
        for declaration in declared {
            let (prefix, uri) = (name(declaration.prefix), name(declaration.uri))
            namespaceDeclaration(prefix: prefix, uri: uri)
        }
    }

    /// Records one namespace declaration of the element just started, inside the recorded element,
    /// after its attributes; `prefix` (-1 for the default namespace) and `uri` are positions as for
    /// ``startElement(localName:namespaceURI:prefix:line:column:attributeCount:)``.
    mutating func namespaceDeclaration(prefix: Int32, uri: Int32) {
        let last = elements.count - 1
        assert(open.count > 1, "the recorded element's declarations are its own")
        assert(elements[last].attributes.upperBound == Self.position(attributes.count), "as many attributes as the start tag said")
        declarations.append(Entries.DeclarationEntry(prefix: prefix, uri: uri))
        elements[last].declarations = Range(uncheckedBounds: (elements[last].declarations.lowerBound, Self.position(declarations.count)))
    }

    /// Records a run of character data (UTF-8); runs next to each other become one text child.
    mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        guard !text.isEmpty else { return }
        let range = appendBytes(text)
        // A run right after another one of the same element: nothing was recorded in between, so
        // its bytes follow on from those of the text before, which grows to take them in.
        if endsWithText {
            let last = nodes.count - 1
            nodes[last].value = Range(uncheckedBounds: (nodes[last].value.lowerBound, range.upperBound))
        } else {
            nodes.append(Entries.NodeEntry(value: range, isText: true))
            endsWithText = true
        }
    }

    /// The bytes of text recorded since the last ``markText()``, or since the recording began.
    var textSinceMark: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes.bytes[textMark...])
    }

    /// Notes that markup has been read: ``textSinceMark`` starts again after the text recorded so far.
    mutating func markText() {
        textMark = bytes.count
    }

    /// The qualified name and line of the innermost open element.
    var innermostOpenElement: (qualifiedName: String, line: Int)? {
        guard let index = open.last else { return nil }
        let entry = elements[index]
        let localName = names[Int(entry.localName)]
        return (entry.prefix < 0 ? localName : "\(names[Int(entry.prefix)]):\(localName)", entry.line)
    }

    /// Records an end tag.
    /// - Returns: The recording, when the tag ends the element the recording started with.
    mutating func endElement() -> XMLRecordedElement? {
        elements[open.removeLast()].contentEnd = Self.position(nodes.count)
        endsWithText = false
        guard open.isEmpty else { return nil }
        let recording = XMLRecordedElement(
            names: names, bytes: Array(bytes.bytes), elements: elements, attributes: attributes, declarations: declarations,
            nodes: nodes, namespaceDeclarations: rootDeclarations)
        // The recording takes the lists; the next one starts with room for as much as this one
        // held, which is seldom outgrown in a batch of alike records.
        bytes.removeAll()
        textMark = 0
        names = Self.empty(reserving: names.count)
        elements = Self.empty(reserving: elements.count)
        attributes = Self.empty(reserving: attributes.count)
        declarations = Self.empty(reserving: declarations.count)
        nodes = Self.empty(reserving: nodes.count)
        rootDeclarations = []
        isListedByCache = false
        return recording
    }

    private static func empty<Element>(reserving count: Int) -> [Element] {
        var list: [Element] = []
        list.reserveCapacity(count)
        return list
    }

    /// The position of `name` in the recording's names: a new entry for each call.
    mutating func name(_ name: String) -> Int32 {
        names.append(name)
        return Self.position(names.count - 1)
    }

    /// The position of `name` as for ``name(_:)``, or -1 for `nil`.
    mutating func name(_ name: String?) -> Int32 {
        name.map { self.name($0) } ?? -1
    }

    /// The position of the name libxml2 reports at `pointer` in the recording's names, one entry per
    /// distinct name of the recording, which `cache` keeps track of (see
    /// ``XMLNameCache/position(of:in:)``).
    @inline(__always)
    mutating func name(at pointer: UnsafePointer<UInt8>, cache: inout XMLNameCache) -> Int32 {
        if !isListedByCache {
            cache.startList()
            isListedByCache = true
        }
        return cache.position(of: pointer, in: &names)
    }

    /// Appends `text`'s bytes, and returns where they are.
    @inline(__always)
    private mutating func appendBytes(_ text: UnsafeBufferPointer<UInt8>) -> Range<Int32> {
        let start = Self.position(bytes.count)
        bytes.append(text)
        return Range(uncheckedBounds: (start, Self.position(bytes.count)))
    }

    /// `count` as a position in a list. (Past ``maximumSize`` positions and ranges are wrong, but
    /// never trap: the reader gives up such a recording before anything reads it, see ``isFull``.)
    @inline(__always)
    private static func position(_ count: Int) -> Int32 {
        Int32(truncatingIfNeeded: count)
    }
}
