import ByteOutput

/// Compares an element with a recorded one as it is written, without building it: at the end,
/// ``isEquivalent`` says whether the written element says the same as the source — the same
/// names and namespaces, the same attributes in any order with the same values, the same text,
/// element by element — ignoring prefixes, namespace declarations, positions and the white space
/// that indents element-only content. The source's top-level children in `skipped` are left out.
///
/// The check proves equivalence or gives up: `false` means "not shown", and the caller then
/// compares in full. It gives up at the first difference, and also on content mixing
/// significant text with elements, on text or values that are equal only in another Unicode
/// form (it compares bytes) and on elements with more than 64 attributes.
///
/// The source is read in place, by position: no string is made of its names, values or texts,
/// and no reference to it is counted per element.
public struct XMLEquivalenceSink: XMLContentSink {
    /// One element being written and the source element it is compared with.
    private struct Frame {
        /// The source element's position in the recording.
        let element: Int
        /// Where the source's children not yet compared begin, and where they end, in the
        /// recording's nodes.
        var next: Int32
        let end: Int32
        /// The source's attributes already matched, as bits by position.
        var matchedAttributes: UInt64 = 0
        var attributeCount = 0
        /// Whether an element has been written inside.
        var hasElements = false
    }

    private let recording: XMLRecordedElement
    private let source: Int
    /// The positions of the skipped elements.
    private let skipped: [Int]
    private var open: [Frame] = []
    /// The text written inside the innermost open element while it holds no element (only that
    /// element can be collecting text: its parents hold it).
    private var text: [UInt8] = []
    private var closedRoot = false
    private var differs = false

    /// A check of the element to be written against `source`, whose top-level children in
    /// `skipped` (elements of the same recording) are left out of the comparison.
    public init(source: XMLRecordedTree.Element, skipping skipped: [XMLRecordedTree.Element] = []) {
        precondition(skipped.allSatisfy { $0.tree === source.tree }, "a skipped element of another recording")
        self.recording = source.tree.recording
        self.source = source.index
        self.skipped = skipped.map(\.index)
        open.reserveCapacity(16)
    }

    /// Whether the written element is equivalent to the source; `false` also when it could not
    /// be shown, or when nothing (or more than one element) was written.
    public var isEquivalent: Bool { closedRoot && !differs }

    public mutating func startElement(_ localName: String, namespaceURI: String?, prefix: String?) {
        guard !differs else { return }
        let element: Int
        if open.isEmpty {
            guard !closedRoot else { return giveUp() }
            element = source
        } else {
            guard let next = nextSourceElement() else { return giveUp() }
            element = next
        }
        let entry = recording.elements[element]
        guard recording.names[Int(entry.localName)] == localName, recording.optionalName(entry.namespaceURI) == namespaceURI,
            entry.attributes.count <= 64
        else { return giveUp() }
        open.append(Frame(element: element, next: entry.contentStart, end: entry.contentEnd))
    }

    public mutating func declareNamespace(prefix: String?, uri: String) {}

    public mutating func addAttribute(_ localName: String, namespaceURI: String?, prefix: String?, value: String) {
        guard !differs else { return }
        let last = open.count - 1
        let positions = recording.elements[open[last].element].attributes
        let matched = open[last].matchedAttributes
        for offset in 0..<positions.count where matched & (1 << offset) == 0 {
            let attribute = recording.attributes[Int(positions.lowerBound) + offset]
            if recording.names[Int(attribute.localName)] == localName, recording.optionalName(attribute.namespaceURI) == namespaceURI,
                recording.hasBytes(of: value, at: attribute.value)
            {
                open[last].matchedAttributes |= 1 << offset
                open[last].attributeCount += 1
                return
            }
        }
        giveUp()
    }

    public mutating func addText(_ text: String) {
        guard !differs else { return }
        if !open[open.count - 1].hasElements {
            self.text.append(contentsOf: text.utf8)
        } else if !text.isXMLWhitespace {
            giveUp()
        }
    }

    public mutating func endElement() {
        guard !differs else { return }
        guard let frame = open.popLast() else { preconditionFailure("an element closed that was not opened") }
        guard frame.attributeCount == recording.elements[frame.element].attributes.count else { return giveUp() }
        var position = frame.next
        if frame.hasElements {
            // The source's elements were all written, and what is left of it is indentation.
            while position < frame.end {
                let node = recording.nodes[Int(position)]
                if node.isText {
                    guard recording.withBytes(node.value, { $0.isXMLWhitespace }) else { return giveUp() }
                } else {
                    guard isSkipped(Int(node.value.lowerBound), atTop: open.isEmpty) else { return giveUp() }
                }
                position = recording.nextSibling(of: position)
            }
        } else {
            // Text only: the one text child (a recording joins runs next to each other), or none.
            var sourceText: Range<Int32>?
            while position < frame.end {
                let node = recording.nodes[Int(position)]
                if node.isText {
                    guard sourceText == nil else { return giveUp() }
                    sourceText = node.value
                } else {
                    guard isSkipped(Int(node.value.lowerBound), atTop: open.isEmpty) else { return giveUp() }
                }
                position = recording.nextSibling(of: position)
            }
            let same = text.withUnsafeBufferPointer { written in
                guard let sourceText else { return written.isEmpty }
                return recording.withBytes(sourceText) { ByteComparison.equal($0, written) }
            }
            guard same else { return giveUp() }
            text.removeAll(keepingCapacity: true)
        }
        if open.isEmpty { closedRoot = true }
    }

    // MARK: Source

    /// The position of the next source element of the innermost open element, past indentation
    /// and skipped elements; `nil` (to give up) at significant text or when there is none. The
    /// open element now holds an element.
    private mutating func nextSourceElement() -> Int? {
        let last = open.count - 1
        if !open[last].hasElements {
            guard text.withUnsafeBufferPointer({ $0.isXMLWhitespace }) else { return nil }
            text.removeAll(keepingCapacity: true)
            open[last].hasElements = true
        }
        while open[last].next < open[last].end {
            let position = open[last].next
            let node = recording.nodes[Int(position)]
            open[last].next = recording.nextSibling(of: position)
            if node.isText {
                if !recording.withBytes(node.value, { $0.isXMLWhitespace }) { return nil }
            } else if !isSkipped(Int(node.value.lowerBound), atTop: last == 0) {
                return Int(node.value.lowerBound)
            }
        }
        return nil
    }

    /// Whether the element at `element`, a child of the source when `atTop`, is left out of the
    /// comparison.
    private func isSkipped(_ element: Int, atTop: Bool) -> Bool {
        atTop && !skipped.isEmpty && skipped.contains(element)
    }

    private mutating func giveUp() {
        differs = true
        open.removeAll()
    }
}
