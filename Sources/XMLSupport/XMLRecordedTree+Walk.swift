import ByteOutput

extension XMLRecordedTree {
    /// Calls `body` with the recorded element and every element inside it, in document order.
    ///
    /// A walk over every element of a large recording makes no ``Element`` for an element it only
    /// looks at: an ``ElementInWalk`` holds no reference to the tree, so looking costs no retain
    /// and release (which cost more than most looks). It is lent to `body` and cannot be kept;
    /// ``ElementInWalk/element`` gives the element to keep.
    @inlinable
    public func walkElements(_ body: (borrowing ElementInWalk) -> Void) {
        let tree = Unmanaged.passUnretained(self)
        for index in recording.elements.indices { body(ElementInWalk(tree: tree, index: index)) }
    }

    /// An element met in ``walkElements(_:)``, valid during the call that lends it.
    public struct ElementInWalk: ~Copyable {
        // Note: unretained, which is safe because a value of this type can be neither copied nor
        // kept: the walk lends it while the tree is alive.
        @usableFromInline let tree: Unmanaged<XMLRecordedTree>
        @usableFromInline let index: Int

        @usableFromInline
        init(tree: Unmanaged<XMLRecordedTree>, index: Int) {
            self.tree = tree
            self.index = index
        }

        /// The element, to keep.
        @inlinable
        public var element: Element { Element(tree: tree.takeUnretainedValue(), index: index) }

        /// The local name.
        @inlinable
        public var localName: String {
            tree._withUnsafeGuaranteedRef { $0.recording.name($0.recording.elements[index].localName) }
        }
        /// The namespace name, or `nil` when the element is in no namespace.
        @inlinable
        public var namespaceURI: String? {
            tree._withUnsafeGuaranteedRef { $0.recording.optionalName($0.recording.elements[index].namespaceURI) }
        }

        /// Calls `body` with each attribute, in document order.
        @inlinable
        public func forEachAttribute(_ body: (borrowing AttributeInWalk) -> Void) {
            let positions = tree._withUnsafeGuaranteedRef { $0.recording.elements[index].attributes }
            for position in positions {
                body(AttributeInWalk(tree: tree, entry: tree._withUnsafeGuaranteedRef { $0.recording.attributes[Int(position)] }))
            }
        }
    }

    /// An attribute met in ``ElementInWalk/forEachAttribute(_:)``, valid during the call that lends
    /// it.
    public struct AttributeInWalk: ~Copyable {
        // Note: unretained, for the reason given on `ElementInWalk`.
        @usableFromInline let tree: Unmanaged<XMLRecordedTree>
        @usableFromInline let entry: XMLRecordedElement.AttributeEntry

        @usableFromInline
        init(tree: Unmanaged<XMLRecordedTree>, entry: XMLRecordedElement.AttributeEntry) {
            self.tree = tree
            self.entry = entry
        }

        /// The local name, without prefix.
        @inlinable
        public var localName: String { tree._withUnsafeGuaranteedRef { $0.recording.name(entry.localName) } }
        /// Whether the attribute is prefixed (in a namespace).
        @inlinable
        public var hasNamespace: Bool { entry.namespaceURI >= 0 }
        /// The value, with character and entity references replaced.
        @inlinable
        public var value: String { tree._withUnsafeGuaranteedRef { $0.recording.string(entry.value) } }
        /// Whether the value begins and ends with an ASCII character that is not white space (see
        /// ``Attribute/valueHasSolidASCIIEdges``).
        public var valueHasSolidASCIIEdges: Bool {
            tree._withUnsafeGuaranteedRef { $0.recording.withBytes(entry.value) { $0.hasSolidASCIIEdges } }
        }
    }
}
