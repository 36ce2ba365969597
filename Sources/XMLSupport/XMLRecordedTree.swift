/// A recorded element (``XMLRecordedElement``) read in place: what its tree would say of each
/// element, attribute and text, found in the recording's lists, with a string made only for a name
/// or value that is asked for.
///
/// Reading a large element this way costs a fraction of building its ``XMLElement`` tree and
/// freeing it. ``Element/element()`` builds the tree of any part that is needed as one.
public final class XMLRecordedTree {
    /// The recording read.
    public let recording: XMLRecordedElement

    // The recording's lists, as constants of the class: reading them needs neither a copy of the
    // recording nor a check that nothing changes them meanwhile.
    @usableFromInline let names: [String]
    @usableFromInline let bytes: [UInt8]
    @usableFromInline let elements: [XMLRecordedElement.ElementEntry]
    @usableFromInline let attributes: [XMLRecordedElement.AttributeEntry]
    @usableFromInline let nodes: [XMLRecordedElement.NodeEntry]

    /// Reads `recording`.
    public init(_ recording: XMLRecordedElement) {
        self.recording = recording
        names = recording.names
        bytes = recording.bytes
        elements = recording.elements
        attributes = recording.attributes
        nodes = recording.nodes
    }

    /// The recorded element.
    public var root: Element { Element(tree: self, index: 0) }

    /// The recorded element and every element inside it, in document order.
    public var elementsInDocumentOrder: some RandomAccessCollection<Element> {
        elements.indices.lazy.map { Element(tree: self, index: $0) }
    }

    // MARK: Reading the lists

    @inlinable @inline(__always)
    func name(_ index: Int32) -> String {
        names[Int(index)]
    }

    @inlinable @inline(__always)
    func optionalName(_ index: Int32) -> String? {
        index < 0 ? nil : names[Int(index)]
    }

    /// Calls `body` with the bytes at `range` of the recording.
    @inlinable @inline(__always)
    func withBytes<Result>(_ range: Range<Int32>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { bytes in
            body(UnsafeBufferPointer(rebasing: bytes[Int(range.lowerBound)..<Int(range.upperBound)]))
        }
    }

    /// The text of the bytes at `range`.
    @inlinable
    func string(_ range: Range<Int32>) -> String {
        withBytes(range) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the index of each child element of the element at `parent` named
    /// `localName` in `namespaceURI`, in document order, until it returns `false`. (The lists are
    /// read directly: a query of a credential's children is made dozens of times per record.)
    @inlinable @inline(__always)
    func forEachChild(of parent: Int, named localName: String, namespaceURI: String?, _ body: (Int) -> Bool) {
        let wantedCount = localName.utf8.count
        let content = elements[parent]
        var position = content.contentStart
        while position < content.contentEnd {
            let child = nodes[Int(position)]
            guard !child.isText else {
                position += 1
                continue
            }
            position = elements[Int(child.value.lowerBound)].contentEnd
            let entry = elements[Int(child.value.lowerBound)]
            let name = names[Int(entry.localName)]
            guard name.utf8.count == wantedCount, name == localName, optionalName(entry.namespaceURI) == namespaceURI else { continue }
            if !body(Int(child.value.lowerBound)) { return }
        }
    }
}
