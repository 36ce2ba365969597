/// An element's recording (``XMLRecordedElement``) indexed for reading in place: its elements,
/// attributes and texts are found by position, and a string is made only for a name or value that
/// is asked for.
///
/// Reading a large element this way costs a fraction of building its ``XMLElement`` tree and
/// freeing it: the index is a few flat arrays, made in one pass over the recording, and holds no
/// object per node. ``Element/element()`` builds the tree of any part that is needed as one.
///
/// The index is made on the thread that reads it, and is not changed afterwards.
public final class XMLRecordedTree {
    /// The recording the index reads.
    public let recording: XMLRecordedElement

    /// One element: where its names are in the recording's names, and where its attributes,
    /// namespace declarations and children are in the index's lists.
    @usableFromInline
    struct ElementEntry {
        @usableFromInline var localName: Int32
        /// -1 when the element is in no namespace.
        @usableFromInline var namespaceURI: Int32
        /// -1 when the element has no prefix.
        @usableFromInline var prefix: Int32
        @usableFromInline var line: Int32
        @usableFromInline var column: Int32
        @usableFromInline var attributes: Range<Int32>
        @usableFromInline var declarations: Range<Int32>
        @usableFromInline var children: Range<Int32> = 0..<0
    }

    /// One attribute: its names (as for an element) and where its value's bytes are.
    @usableFromInline
    struct AttributeEntry {
        @usableFromInline var localName: Int32
        @usableFromInline var namespaceURI: Int32
        @usableFromInline var prefix: Int32
        @usableFromInline var value: Range<Int32>
    }

    /// A namespace declaration: its prefix (-1 for the default namespace) and its URI.
    @usableFromInline
    struct DeclarationEntry {
        @usableFromInline var prefix: Int32
        @usableFromInline var uri: Int32
    }

    /// A child: an element (`value` is its index) or a text (`value` is where its bytes are).
    @usableFromInline
    struct ChildEntry {
        @usableFromInline var isText: Bool
        @usableFromInline var value: Range<Int32>
    }

    /// The lists of an index. (Constants once made: reading a constant of a class needs no
    /// check that nothing changes it meanwhile.)
    struct Lists {
        var elements: [ElementEntry] = []
        var attributes: [AttributeEntry] = []
        var declarations: [DeclarationEntry] = []
        /// The children of each element, one run per element, in the order the elements end.
        var children: [ChildEntry] = []
    }

    @usableFromInline let elements: [ElementEntry]
    @usableFromInline let attributes: [AttributeEntry]
    @usableFromInline let declarations: [DeclarationEntry]
    @usableFromInline let children: [ChildEntry]

    /// Indexes `recording`; `nil` when it holds two text runs next to each other (which the tree
    /// joins into one text, and which ``XMLRecordedElement/init(recording:)`` never records).
    public init?(_ recording: XMLRecordedElement) {
        let indexed = recording.operations.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes, line: recording.line)
            return reader.index()
        }
        guard let indexed else { return nil }
        self.recording = recording
        elements = indexed.elements
        attributes = indexed.attributes
        declarations = indexed.declarations
        children = indexed.children
    }

    /// The recorded element.
    public var root: Element { Element(tree: self, index: 0) }

    /// The recorded element and every element inside it, in document order.
    public var elementsInDocumentOrder: some RandomAccessCollection<Element> {
        elements.indices.lazy.map { Element(tree: self, index: $0) }
    }

    // MARK: Reading the entries

    @inlinable @inline(__always)
    func name(_ index: Int32) -> String {
        recording.names[Int(index)]
    }

    @inlinable @inline(__always)
    func optionalName(_ index: Int32) -> String? {
        index < 0 ? nil : recording.names[Int(index)]
    }

    /// Calls `body` with the bytes at `range` of the recording.
    @inlinable @inline(__always)
    func withBytes<Result>(_ range: Range<Int32>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        recording.operations.withUnsafeBufferPointer { bytes in
            body(UnsafeBufferPointer(rebasing: bytes[Int(range.lowerBound)..<Int(range.upperBound)]))
        }
    }

    /// Calls `body` with the index of each child element of the element at `parent` named
    /// `localName` in `namespaceURI`, in document order, until it returns `false`. (The lists are
    /// read directly: a query of a credential's children is made dozens of times per record.)
    @inlinable @inline(__always)
    func forEachChild(of parent: Int, named localName: String, namespaceURI: String?, _ body: (Int) -> Bool) {
        let names = recording.names
        let elements = self.elements
        let children = self.children
        let wantedCount = localName.utf8.count
        for position in elements[parent].children {
            let child = children[Int(position)]
            guard !child.isText else { continue }
            let entry = elements[Int(child.value.lowerBound)]
            let name = names[Int(entry.localName)]
            guard name.utf8.count == wantedCount, name == localName else { continue }
            let namespace = entry.namespaceURI < 0 ? nil : names[Int(entry.namespaceURI)]
            guard namespace == namespaceURI else { continue }
            if !body(Int(child.value.lowerBound)) { return }
        }
    }

    /// The text of the bytes at `range`.
    @inlinable
    func string(_ range: Range<Int32>) -> String {
        withBytes(range) { String(decoding: $0, as: UTF8.self) }
    }
}

extension XMLRecordedTree {
    /// Walks a recording once, filling the index's lists.
    private struct Reader {
        typealias Operation = XMLRecordedElement.Operation

        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var nameIndex: Int32 = 0
        var line: Int

        init(bytes: UnsafeBufferPointer<UInt8>, line: Int) {
            self.bytes = bytes
            self.line = line
        }

        /// The lists; `nil` at two text runs next to each other.
        mutating func index() -> Lists? {
            var tree = Lists()
            // A recording names each element and attribute: enough room for both lists.
            let names = bytes.count / 4
            tree.elements.reserveCapacity(names)
            tree.attributes.reserveCapacity(names)
            tree.children.reserveCapacity(names)
            /// The elements started and not ended.
            var open: [Int] = []
            /// The children of the open elements so far, outermost first, and where each one's begin.
            var pending: [ChildEntry] = []
            var firstPending: [Int] = []
            while position < bytes.count {
                let operation = bytes[position]
                position += 1
                switch operation & Operation.kindMask {
                case Operation.start:
                    let index = tree.elements.count
                    tree.elements.append(startElement(operation, isRoot: open.isEmpty, into: &tree))
                    if !open.isEmpty { pending.append(ChildEntry(isText: false, value: Int32(index)..<Int32(index + 1))) }
                    open.append(index)
                    firstPending.append(pending.count)
                case Operation.text:
                    let count = nextNumber()
                    if pending.count > firstPending[firstPending.count - 1], pending[pending.count - 1].isText { return nil }
                    pending.append(ChildEntry(isText: true, value: Int32(position)..<Int32(position + count)))
                    position += count
                default:
                    let index = open.removeLast()
                    let first = firstPending.removeLast()
                    let start = Int32(tree.children.count)
                    for position in first..<pending.count { tree.children.append(pending[position]) }
                    tree.elements[index].children = start..<Int32(tree.children.count)
                    pending.removeLast(pending.count - first)
                }
            }
            return tree
        }

        private mutating func startElement(_ operation: UInt8, isRoot: Bool, into tree: inout Lists) -> ElementEntry {
            let (localName, namespaceURI, prefix) = nextNames(operation)
            line += nextNumber()
            let column = nextNumber()
            let attributeCount = nextNumber()
            let firstAttribute = Int32(tree.attributes.count)
            for _ in 0..<attributeCount {
                let flags = bytes[position]
                position += 1
                let (localName, namespaceURI, prefix) = nextNames(flags)
                let count = nextNumber()
                tree.attributes.append(
                    AttributeEntry(
                        localName: localName, namespaceURI: namespaceURI, prefix: prefix, value: Int32(position)..<Int32(position + count)))
                position += count
            }
            // The recording's own element has its declarations beside the bytes, not in them.
            let firstDeclaration = Int32(tree.declarations.count)
            if !isRoot {
                for _ in 0..<nextNumber() {
                    let hasPrefix = bytes[position] & Operation.hasPrefix != 0
                    position += 1
                    let prefix = hasPrefix ? nextName() : -1
                    tree.declarations.append(DeclarationEntry(prefix: prefix, uri: nextName()))
                }
            }
            return ElementEntry(
                localName: localName, namespaceURI: namespaceURI, prefix: prefix, line: Int32(truncatingIfNeeded: line),
                column: Int32(truncatingIfNeeded: column), attributes: firstAttribute..<Int32(tree.attributes.count),
                declarations: firstDeclaration..<Int32(tree.declarations.count))
        }

        @inline(__always)
        private mutating func nextName() -> Int32 {
            defer { nameIndex += 1 }
            return nameIndex
        }

        @inline(__always)
        private mutating func nextNames(_ flags: UInt8) -> (Int32, Int32, Int32) {
            let localName = nextName()
            let namespaceURI = flags & Operation.hasNamespace != 0 ? nextName() : -1
            let prefix = flags & Operation.hasPrefix != 0 ? nextName() : -1
            return (localName, namespaceURI, prefix)
        }

        @inline(__always)
        private mutating func nextNumber() -> Int {
            XMLRecordedElement.number(in: bytes, at: &position)
        }
    }
}
