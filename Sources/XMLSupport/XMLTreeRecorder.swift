import ByteOutput

/// Writes an element's content, as it is parsed, into an ``XMLRecordedElement``.
///
/// Calls follow the document: ``startElement(localName:namespaceURI:prefix:line:column:attributeCount:)``,
/// then exactly that many ``attribute(localName:namespaceURI:prefix:value:)`` calls and one
/// ``namespaceDeclarations(_:)``; ``text(_:)`` for character data; ``endElement()`` for each end
/// tag. The end of the first element started returns the recording, and the recorder is ready for
/// the next one. Its byte buffer is kept from one recording to the next.
struct XMLTreeRecorder: ~Copyable {
    private var operations = ByteBuffer(capacity: 4096)
    private var names: [String] = []
    private var rootDeclarations: [XMLNamespaceDeclaration] = []
    private var rootPosition = (line: 0, column: 0)
    /// The line of the last start tag.
    private var line = 0
    /// How many names the last recording held, to size the next one's list.
    private var lastNameCount = 0

    /// How many recorded elements are open: 0 between recordings.
    private(set) var depth = 0

    /// Records a start tag; its attributes and namespace declarations follow.
    mutating func startElement(
        localName: String, namespaceURI: String?, prefix: String?, line: Int, column: Int, attributeCount: Int
    ) {
        if depth == 0 {
            names.reserveCapacity(lastNameCount)
            rootPosition = (line, column)
            self.line = line
        }
        depth += 1
        operations.append(XMLRecordedElement.Operation.start | Self.flags(namespaceURI: namespaceURI, prefix: prefix))
        appendNames(localName, namespaceURI, prefix)
        appendNumber(line - self.line)
        self.line = line
        appendNumber(column)
        appendNumber(attributeCount)
    }

    /// Records the start tag `event`, with its attributes and namespace declarations.
    mutating func startElement(_ event: XMLEvent) {
        startElement(
            localName: event.localName, namespaceURI: event.namespaceURI, prefix: event.prefix, line: event.line,
            column: event.column, attributeCount: event.attributes.count)
        for attribute in event.attributes { self.attribute(attribute) }
        namespaceDeclarations(event.namespaceDeclarations)
    }

    /// Records one attribute of the element just started; `value` is its UTF-8 text, unescaped.
    mutating func attribute(
        localName: String, namespaceURI: String?, prefix: String?, value: UnsafeBufferPointer<UInt8>
    ) {
        operations.append(Self.flags(namespaceURI: namespaceURI, prefix: prefix))
        appendNames(localName, namespaceURI, prefix)
        appendNumber(value.count)
        operations.append(value)
    }

    /// Records one attribute of the element just started.
    mutating func attribute(_ attribute: XMLAttribute) {
        var value = attribute.value
        value.withUTF8 {
            self.attribute(
                localName: attribute.localName, namespaceURI: attribute.namespaceURI, prefix: attribute.prefix, value: $0)
        }
    }

    /// Records the namespace declarations of the element just started, after its attributes.
    mutating func namespaceDeclarations(_ declarations: [XMLNamespaceDeclaration]) {
        guard depth > 1 else {
            rootDeclarations = declarations
            return
        }
        appendNumber(declarations.count)
        for declaration in declarations {
            operations.append(declaration.prefix == nil ? 0 : XMLRecordedElement.Operation.hasPrefix)
            if let prefix = declaration.prefix { names.append(prefix) }
            names.append(declaration.uri)
        }
    }

    /// Records a run of character data (UTF-8); runs next to each other become one text child.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        operations.append(XMLRecordedElement.Operation.text)
        appendNumber(bytes.count)
        operations.append(bytes)
    }

    /// Records an end tag.
    /// - Returns: The recording, when the tag ends the element the recording started with.
    mutating func endElement() -> XMLRecordedElement? {
        operations.append(XMLRecordedElement.Operation.end)
        depth -= 1
        guard depth == 0 else { return nil }
        let recording = XMLRecordedElement(
            operations: Array(operations.bytes), names: names, line: rootPosition.line, column: rootPosition.column,
            namespaceDeclarations: rootDeclarations)
        operations.removeAll()
        lastNameCount = names.count
        names = []
        rootDeclarations = []
        return recording
    }

    private static func flags(namespaceURI: String?, prefix: String?) -> UInt8 {
        (namespaceURI == nil ? 0 : XMLRecordedElement.Operation.hasNamespace)
            | (prefix == nil ? 0 : XMLRecordedElement.Operation.hasPrefix)
    }

    @inline(__always)
    private mutating func appendNames(_ localName: String, _ namespaceURI: String?, _ prefix: String?) {
        names.append(localName)
        if let namespaceURI { names.append(namespaceURI) }
        if let prefix { names.append(prefix) }
    }

    /// Appends `number`'s bits in seven-bit groups, lowest first, the high bit set on every group
    /// but the last (a number below zero takes ten).
    @inline(__always)
    private mutating func appendNumber(_ number: Int) {
        var rest = UInt(bitPattern: number)
        if rest < 0x80 {
            operations.append(UInt8(rest))
            return
        }
        while rest >= 0x80 {
            operations.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        operations.append(UInt8(rest))
    }
}
