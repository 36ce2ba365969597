/// A recorded element (``XMLRecordedElement``) read in place: what its tree would say of each
/// element, attribute and text, found in the recording's lists, with a string made only for a name
/// or value that is asked for.
///
/// Reading a large element this way costs a fraction of building its ``XMLElement`` tree and
/// freeing it. ``Element/element()`` builds the tree of any part that is needed as one.
public final class XMLRecordedTree {
    /// The recording read.
    public let recording: XMLRecordedElement

    /// Reads `recording`.
    public init(_ recording: XMLRecordedElement) {
        self.recording = recording
    }

    /// The recorded element.
    public var root: Element { Element(tree: self, index: 0) }

    /// The recorded element and every element inside it, in document order.
    public var elementsInDocumentOrder: some RandomAccessCollection<Element> {
        recording.elements.indices.lazy.map { Element(tree: self, index: $0) }
    }

    /// Calls `body` with the index of each child element of the element at `parent` named
    /// `localName` in `namespaceURI`, in document order, until it returns `false`. (The lists are
    /// read directly: a query of a credential's children is made dozens of times per record.)
    @inlinable @inline(__always)
    func forEachChild(of parent: Int, named localName: String, namespaceURI: String?, _ body: (Int) -> Bool) {
        let wantedCount = localName.utf8.count
        let content = recording.elements[parent]
        var position = content.contentStart
        while position < content.contentEnd {
            let child = recording.nodes[Int(position)]
            position = recording.nextSibling(of: position)
            guard !child.isText else { continue }
            let entry = recording.elements[Int(child.value.lowerBound)]
            let name = recording.names[Int(entry.localName)]
            guard name.utf8.count == wantedCount, name == localName, recording.optionalName(entry.namespaceURI) == namespaceURI else { continue }
            if !body(Int(child.value.lowerBound)) { return }
        }
    }
}
