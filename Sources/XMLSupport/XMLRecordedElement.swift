/// An element read from a document, kept as a compact recording of its content until
/// ``element()`` builds its tree.
///
/// Recording is cheaper for the parsing thread than building the tree: a few bytes per node and
/// the names the parser already has. A batch reader hands recordings to other threads, so that
/// each tree is built, used and freed on the core that works on it instead of crossing between
/// cores (which, for trees of thousands of small objects, costs more than building them).
///
/// ``XMLPullReader/readRecordedElement()`` makes one; it holds no libxml2 memory.
public struct XMLRecordedElement: Sendable {
    /// The bytes that say what an operation is. A start tag's byte may carry ``hasNamespace``
    /// and ``hasPrefix``; so does the byte that begins each of its attributes, and a namespace
    /// declaration's byte ``hasPrefix``.
    ///
    /// A start tag is followed by its line (as the lines from the start tag before it in the
    /// recording, or from ``line`` for the first), column and attribute count; each attribute by
    /// the length of its value and the value's UTF-8 bytes; then (except on the recording's own
    /// element, whose declarations are ``namespaceDeclarations``) the declaration count and one
    /// byte per declaration. A text run is followed by its length and its bytes. Numbers are
    /// written in seven-bit groups, lowest first. Names are not in the bytes but in ``names``, in
    /// the order the operations use them: an element's or attribute's local name, namespace name
    /// and prefix (the last two when flagged), a declaration's prefix (when flagged) and URI.
    enum Operation {
        static let start: UInt8 = 0x01
        static let text: UInt8 = 0x02
        static let end: UInt8 = 0x03
        static let kindMask: UInt8 = 0x0F
        static let hasNamespace: UInt8 = 0x10
        static let hasPrefix: UInt8 = 0x20
    }

    @usableFromInline let operations: [UInt8]
    @usableFromInline let names: [String]

    /// The 1-based line of the element's start tag.
    public let line: Int
    /// The 1-based column of the element's start tag.
    public let column: Int
    /// The namespace declarations the built element gets: those written on it, and any added since.
    public var namespaceDeclarations: [XMLNamespaceDeclaration]

    init(operations: [UInt8], names: [String], line: Int, column: Int, namespaceDeclarations: [XMLNamespaceDeclaration]) {
        self.operations = operations
        self.names = names
        self.line = line
        self.column = column
        self.namespaceDeclarations = namespaceDeclarations
    }

    /// The recording of `element`, as reading it would make one (its text runs joined).
    public init(recording element: XMLElement) {
        var recorder = XMLTreeRecorder()
        func record(_ element: XMLElement) -> XMLRecordedElement? {
            recorder.startElement(
                localName: element.localName, namespaceURI: element.namespaceURI, prefix: element.prefix, line: element.line,
                column: element.column, attributeCount: element.attributes.count)
            for attribute in element.attributes { recorder.attribute(attribute) }
            recorder.namespaceDeclarations(element.namespaceDeclarations)
            var text: String?
            for child in element.children {
                switch child {
                case .text(let run):
                    text = (text ?? "") + run
                case .element(let inner):
                    if var pending = text { pending.withUTF8 { recorder.text($0) } }
                    text = nil
                    _ = record(inner)
                }
            }
            if var pending = text { pending.withUTF8 { recorder.text($0) } }
            return recorder.endElement()
        }
        guard let recording = record(element) else { preconditionFailure("the recording of an element ends with it") }
        self = recording
    }

    /// The element's tree: what ``XMLPullReader/readElement()`` returns for it.
    public func element() -> XMLElement {
        operations.withUnsafeBufferPointer { bytes in
            var replay = Replay(bytes: bytes, names: names, line: line, rootDeclarations: namespaceDeclarations)
            return replay.run()
        }
    }
}

extension XMLRecordedElement {
    /// Builds the tree of a recording, one operation at a time.
    private struct Replay {
        let bytes: UnsafeBufferPointer<UInt8>
        let names: [String]
        /// The declarations the recording's own element gets.
        let rootDeclarations: [XMLNamespaceDeclaration]
        var position = 0
        var nameIndex = 0
        /// The line of the last start tag.
        var line: Int
        /// The elements whose start has been replayed and whose end has not, without children.
        var open: [XMLElement] = []
        /// The children read so far of each open element. The lists are kept from one element to
        /// the next at the same depth, so adding a child seldom grows an array; an element gets its
        /// children in one array of the right size when it ends.
        var children: [[XMLElement.Child]] = []

        init(bytes: UnsafeBufferPointer<UInt8>, names: [String], line: Int, rootDeclarations: [XMLNamespaceDeclaration]) {
            self.bytes = bytes
            self.names = names
            self.line = line
            self.rootDeclarations = rootDeclarations
        }

        mutating func run() -> XMLElement {
            while position < bytes.count {
                let operation = bytes[position]
                position += 1
                switch operation & Operation.kindMask {
                case Operation.start:
                    startElement(operation)
                case Operation.text:
                    let text = nextText()
                    children[open.count - 1].appendText(text)
                default:
                    let element = endElement()
                    guard !open.isEmpty else { return element }
                    children[open.count - 1].append(.element(element))
                }
            }
            preconditionFailure("a recording ends with the end of its element")
        }

        private mutating func startElement(_ operation: UInt8) {
            let (localName, namespaceURI, prefix) = nextNames(operation)
            line += nextNumber()
            let column = nextNumber()
            let attributes = nextAttributes(count: nextNumber())
            let declarations = open.isEmpty ? rootDeclarations : nextDeclarations()
            open.append(
                XMLElement(
                    localName: localName, namespaceURI: namespaceURI, prefix: prefix, attributes: attributes,
                    namespaceDeclarations: declarations, line: line, column: column))
            if children.count < open.count { children.append([]) }
        }

        /// `count` attributes, each a flags byte, its names and its value.
        private mutating func nextAttributes(count: Int) -> [XMLAttribute] {
            guard count > 0 else { return [] }
            var attributes: [XMLAttribute] = []
            attributes.reserveCapacity(count)
            for _ in 0..<count {
                let flags = bytes[position]
                position += 1
                let (localName, namespaceURI, prefix) = nextNames(flags)
                attributes.append(XMLAttribute(localName: localName, namespaceURI: namespaceURI, prefix: prefix, value: nextText()))
            }
            return attributes
        }

        /// A count, then that many namespace declarations, each a flags byte and its names.
        private mutating func nextDeclarations() -> [XMLNamespaceDeclaration] {
            let count = nextNumber()
            guard count > 0 else { return [] }
            var declarations: [XMLNamespaceDeclaration] = []
            declarations.reserveCapacity(count)
            for _ in 0..<count {
                let hasPrefix = bytes[position] & Operation.hasPrefix != 0
                position += 1
                let prefix = hasPrefix ? nextName() : nil
                declarations.append(XMLNamespaceDeclaration(prefix: prefix, uri: nextName()))
            }
            return declarations
        }

        private mutating func endElement() -> XMLElement {
            var element = open.removeLast()
            let depth = open.count
            if !children[depth].isEmpty {
                element.children = Array(children[depth][...])
                children[depth].removeAll(keepingCapacity: true)
            }
            return element
        }

        @inline(__always)
        private mutating func nextName() -> String {
            defer { nameIndex += 1 }
            return names[nameIndex]
        }

        /// A local name, and the namespace name and prefix when `flags` says they follow.
        @inline(__always)
        private mutating func nextNames(_ flags: UInt8) -> (String, String?, String?) {
            let localName = nextName()
            let namespaceURI = flags & Operation.hasNamespace != 0 ? nextName() : nil
            let prefix = flags & Operation.hasPrefix != 0 ? nextName() : nil
            return (localName, namespaceURI, prefix)
        }

        /// A length, then that many bytes of UTF-8 text.
        @inline(__always)
        private mutating func nextText() -> String {
            let count = nextNumber()
            defer { position += count }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + count]), as: UTF8.self)
        }

        @inline(__always)
        private mutating func nextNumber() -> Int {
            XMLRecordedElement.number(in: bytes, at: &position)
        }
    }

    /// The number written at `position` in seven-bit groups, lowest first, with `position` moved
    /// past it.
    @inline(__always)
    static func number(in bytes: UnsafeBufferPointer<UInt8>, at position: inout Int) -> Int {
        let first = bytes[position]
        position += 1
        if first < 0x80 { return Int(first) }
        var number = UInt(first & 0x7F)
        var shift: UInt = 7
        while true {
            let byte = bytes[position]
            position += 1
            number |= UInt(byte & 0x7F) << shift
            if byte < 0x80 { return Int(bitPattern: number) }
            shift += 7
        }
    }
}

extension [XMLElement.Child] {
    /// Appends `text`, joining it to a text child just before it.
    fileprivate mutating func appendText(_ text: String) {
        if case .text(let previous) = last {
            self[count - 1] = .text(previous + text)
        } else {
            append(.text(text))
        }
    }
}
