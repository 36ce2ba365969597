import ByteOutput

extension XMLRecordedTree {
    /// An element of a recording, read in place: what ``XMLElement`` says of it, without
    /// the tree. Two elements are equal when they are the same element read through the same
    /// ``XMLRecordedTree``.
    public struct Element: Hashable {
        /// The recording read.
        public let tree: XMLRecordedTree
        /// The element's position in document order (0 for the recorded element).
        public let index: Int

        @usableFromInline
        init(tree: XMLRecordedTree, index: Int) {
            self.tree = tree
            self.index = index
        }

        @inlinable @inline(__always)
        var entry: XMLRecordedElement.ElementEntry { tree.recording.elements[index] }

        /// The local name.
        @inlinable
        public var localName: String { tree.recording.name(entry.localName) }
        /// The namespace name, or `nil` when the element is in no namespace.
        @inlinable
        public var namespaceURI: String? { tree.recording.optionalName(entry.namespaceURI) }
        /// The prefix as written, or `nil`.
        @inlinable
        public var prefix: String? { tree.recording.optionalName(entry.prefix) }
        /// The 1-based line of the start tag's `<`.
        @inlinable
        public var line: Int { entry.line }
        /// The 1-based column of the start tag's `<`.
        @inlinable
        public var column: Int { entry.column }

        /// The attributes, in document order.
        @inlinable
        public var attributes: Attributes { Attributes(tree: tree, positions: entry.attributes) }

        /// The value of the attribute `localName` in namespace `namespaceURI` (`nil`: no namespace).
        @inlinable
        public func attribute(_ localName: String, namespaceURI: String? = nil) -> String? {
            let names = tree.recording.names
            let wantedCount = localName.utf8.count
            for position in entry.attributes {
                let attribute = tree.recording.attributes[Int(position)]
                let name = names[Int(attribute.localName)]
                guard name.utf8.count == wantedCount, name == localName, tree.recording.optionalName(attribute.namespaceURI) == namespaceURI
                else { continue }
                return tree.recording.string(attribute.value)
            }
            return nil
        }

        /// The children, in document order.
        @inlinable
        public var children: Children {
            let entry = self.entry
            return Children(tree: tree, content: entry.contentStart..<entry.contentEnd)
        }

        /// The child elements, in document order.
        @inlinable
        public var elements: [Element] {
            children.compactMap { if case .element(let element) = $0 { element } else { nil } }
        }

        /// The first child element named `localName` in namespace `namespaceURI`, if any.
        @inlinable
        public func firstElement(named localName: String, namespaceURI: String?) -> Element? {
            var found: Element?
            tree.forEachChild(of: index, named: localName, namespaceURI: namespaceURI) { child in
                found = Element(tree: tree, index: child)
                return false
            }
            return found
        }

        /// The child elements named `localName` in namespace `namespaceURI`, in document order.
        @inlinable
        public func elements(named localName: String, namespaceURI: String?) -> [Element] {
            var found: [Element] = []
            tree.forEachChild(of: index, named: localName, namespaceURI: namespaceURI) { child in
                found.append(Element(tree: tree, index: child))
                return true
            }
            return found
        }

        /// Whether the element has child elements (as opposed to text only).
        @inlinable
        public var hasElementChildren: Bool {
            children.contains { if case .element = $0 { true } else { false } }
        }

        /// The direct text children joined (white space kept); empty when there is none.
        @inlinable
        public var text: String {
            var joined: String?
            for case .text(let run) in children {
                let text = run.string
                joined = joined.map { $0 + text } ?? text
            }
            return joined ?? ""
        }

        /// The element's tree: the part of ``XMLRecordedElement/element()`` this element is.
        public func element() -> XMLElement {
            tree.recording.element(at: index)
        }

        public static func == (lhs: Element, rhs: Element) -> Bool {
            lhs.tree === rhs.tree && lhs.index == rhs.index
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(index)
        }
    }

    /// One attribute of an element, read in place.
    public struct Attribute {
        @usableFromInline let tree: XMLRecordedTree
        @usableFromInline let entry: XMLRecordedElement.AttributeEntry

        @usableFromInline
        init(tree: XMLRecordedTree, entry: XMLRecordedElement.AttributeEntry) {
            self.tree = tree
            self.entry = entry
        }

        /// The local name, without prefix.
        @inlinable
        public var localName: String { tree.recording.name(entry.localName) }
        /// The namespace name the prefix stood for, or `nil` for an unprefixed attribute.
        @inlinable
        public var namespaceURI: String? { tree.recording.optionalName(entry.namespaceURI) }
        /// Whether the attribute is unprefixed (in no namespace).
        @inlinable
        public var hasNamespace: Bool { entry.namespaceURI >= 0 }
        /// The prefix as written, or `nil`.
        @inlinable
        public var prefix: String? { tree.recording.optionalName(entry.prefix) }
        /// The value, with character and entity references replaced.
        @inlinable
        public var value: String { tree.recording.string(entry.value) }

        /// Whether the value is `text`, byte for byte (stricter than `==`, which takes text in
        /// another Unicode form for equal).
        @inlinable
        public func hasValue(_ text: String) -> Bool {
            tree.recording.hasBytes(of: text, at: entry.value)
        }

        /// Whether the value begins and ends with an ASCII character that is not white space, so
        /// that trimming would leave it as it is (told without making a string of it).
        public var valueHasSolidASCIIEdges: Bool {
            tree.recording.withBytes(entry.value) { $0.hasSolidASCIIEdges }
        }
    }

    /// A run of character data, read in place.
    public struct Text {
        @usableFromInline let tree: XMLRecordedTree
        @usableFromInline let range: Range<Int32>

        @usableFromInline
        init(tree: XMLRecordedTree, range: Range<Int32>) {
            self.tree = tree
            self.range = range
        }

        /// The text.
        @inlinable
        public var string: String { tree.recording.string(range) }
        /// Whether the text is only XML white space (the indentation of element-only content).
        @inlinable
        public var isWhitespace: Bool {
            tree.recording.withBytes(range) { $0.isXMLWhitespace }
        }

        /// Whether the text is `text`, byte for byte (stricter than `==`, which takes text in
        /// another Unicode form for equal).
        @inlinable
        public func isSpelled(_ text: String) -> Bool {
            tree.recording.hasBytes(of: text, at: range)
        }
    }

    /// One child of an element.
    public enum Child {
        /// A child element.
        case element(Element)
        /// A run of character data, white space included.
        case text(Text)
    }

    /// The attributes of an element.
    public struct Attributes: RandomAccessCollection {
        @usableFromInline let tree: XMLRecordedTree
        @usableFromInline let positions: Range<Int32>

        @usableFromInline
        init(tree: XMLRecordedTree, positions: Range<Int32>) {
            self.tree = tree
            self.positions = positions
        }

        @inlinable
        public var startIndex: Int { 0 }
        @inlinable
        public var endIndex: Int { positions.count }
        public subscript(position: Int) -> Attribute {
            Attribute(tree: tree, entry: tree.recording.attributes[Int(positions.lowerBound) + position])
        }
    }

    /// The children of an element, in document order.
    public struct Children: Sequence {
        @usableFromInline let tree: XMLRecordedTree
        @usableFromInline let content: Range<Int32>

        @usableFromInline
        init(tree: XMLRecordedTree, content: Range<Int32>) {
            self.tree = tree
            self.content = content
        }

        @inlinable
        public func makeIterator() -> Iterator {
            Iterator(tree: tree, content: content)
        }

        /// Goes from one child to the next, over the content of each child element.
        public struct Iterator: IteratorProtocol {
            @usableFromInline let tree: XMLRecordedTree
            @usableFromInline var position: Int32
            @usableFromInline let end: Int32

            @usableFromInline
            init(tree: XMLRecordedTree, content: Range<Int32>) {
                self.tree = tree
                self.position = content.lowerBound
                self.end = content.upperBound
            }

            @inlinable
            public mutating func next() -> Child? {
                guard position < end else { return nil }
                let entry = tree.recording.nodes[Int(position)]
                position = tree.recording.nextSibling(of: position)
                return entry.isText
                    ? .text(Text(tree: tree, range: entry.value)) : .element(XMLRecordedTree.Element(tree: tree, index: Int(entry.value.lowerBound)))
            }
        }
    }
}
