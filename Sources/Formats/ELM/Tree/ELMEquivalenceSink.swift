import XMLSupport

/// Compares a document with a source as it is written, without building it: at the end,
/// ``isEquivalent`` says whether the written element would be ``ELMTreeEquivalence/equivalent(_:_:)``
/// to the source's tree (the source's top-level children in `skipped` left out).
///
/// The check proves equivalence or gives up: `false` means "not shown", and the caller then
/// builds both trees and compares them in full. It gives up at the first difference, and also on
/// content mixing significant text with elements, on text that differs only in its Unicode form
/// and on elements with more than 64 attributes, which the full comparison handles. The source's
/// names, values and texts are read in place, without making strings of them.
struct ELMEquivalenceSink: XMLContentSink {
    /// One element being written and the source element it is compared with.
    private struct Frame {
        let source: XMLRecordedTree.Element
        /// The source's children not yet compared.
        var remaining: XMLRecordedTree.Children.Iterator
        /// The source's attributes already matched, as bits by position.
        var matchedAttributes: UInt64 = 0
        var attributeCount = 0
        /// Whether an element has been written inside.
        var hasElements = false
        /// The text written inside, while no element has been.
        var text = ""

        init(_ source: XMLRecordedTree.Element) {
            self.source = source
            self.remaining = source.children.makeIterator()
        }
    }

    private let source: XMLRecordedTree.Element
    private let skipped: [XMLRecordedTree.Element]
    private var open: [Frame] = []
    private var closedRoot = false
    private var differs = false

    /// A check of the document to be written against `source`, whose top-level children in
    /// `skipped` are left out of the comparison.
    init(source: XMLRecordedTree.Element, skipping skipped: [XMLRecordedTree.Element] = []) {
        self.source = source
        self.skipped = skipped
    }

    /// Whether the written document is equivalent to the source; `false` also when it could not
    /// be shown, or when nothing (or more than one element) was written.
    var isEquivalent: Bool { closedRoot && !differs }

    mutating func startElement(_ localName: String, namespaceURI: String?, prefix: String?) {
        guard !differs else { return }
        let element: XMLRecordedTree.Element
        if open.isEmpty {
            guard !closedRoot else { return giveUp() }
            element = source
        } else {
            guard let next = nextSourceElement() else { return giveUp() }
            element = next
        }
        guard element.localName == localName, element.namespaceURI == namespaceURI, element.attributes.count <= 64 else { return giveUp() }
        open.append(Frame(element))
    }

    mutating func declareNamespace(prefix: String?, uri: String) {}

    mutating func addAttribute(_ localName: String, namespaceURI: String?, prefix: String?, value: String) {
        guard !differs else { return }
        let attributes = open[open.count - 1].source.attributes
        let matched = open[open.count - 1].matchedAttributes
        for index in attributes.indices where matched & (1 << index) == 0 {
            let attribute = attributes[index]
            if attribute.localName == localName, attribute.namespaceURI == namespaceURI, attribute.hasValue(value) {
                open[open.count - 1].matchedAttributes |= 1 << index
                open[open.count - 1].attributeCount += 1
                return
            }
        }
        giveUp()
    }

    mutating func addText(_ text: String) {
        guard !differs else { return }
        if !open[open.count - 1].hasElements {
            open[open.count - 1].text += text
        } else if !text.isWhitespaceOnly {
            giveUp()
        }
    }

    mutating func endElement() {
        guard !differs else { return }
        guard var frame = open.popLast() else { preconditionFailure("an element closed that was not opened") }
        guard frame.attributeCount == frame.source.attributes.count else { return giveUp() }
        if frame.hasElements {
            // The source's elements were all written, and what is left of it is indentation.
            while let child = frame.remaining.next() {
                switch child {
                case .text(let text): guard text.isWhitespace else { return giveUp() }
                case .element(let element): guard isSkipped(element, atTop: open.isEmpty) else { return giveUp() }
                }
            }
        } else {
            // Text only: the one text child (a recording joins runs next to each other), or none.
            var sourceText: XMLRecordedTree.Text?
            for child in frame.source.children {
                switch child {
                case .text(let text):
                    guard sourceText == nil else { return giveUp() }
                    sourceText = text
                case .element(let element):
                    guard isSkipped(element, atTop: open.isEmpty) else { return giveUp() }
                }
            }
            let same = sourceText?.isSpelled(frame.text) ?? frame.text.isEmpty
            guard same else { return giveUp() }
        }
        if open.isEmpty { closedRoot = true }
    }

    // MARK: Source

    /// The next source element of the open frame, past indentation and skipped elements; `nil`
    /// (having given up) at significant text or when there is none. The frame now holds an element.
    private mutating func nextSourceElement() -> XMLRecordedTree.Element? {
        let last = open.count - 1
        if !open[last].hasElements {
            guard open[last].text.isEmpty || open[last].text.isWhitespaceOnly else { return nil }
            open[last].hasElements = true
        }
        while let child = open[last].remaining.next() {
            switch child {
            case .text(let text): if !text.isWhitespace { return nil }
            case .element(let element): if !isSkipped(element, atTop: last == 0) { return element }
            }
        }
        return nil
    }

    /// Whether `element`, a child of the source's root when `atTop`, is left out of the comparison.
    private func isSkipped(_ element: XMLRecordedTree.Element, atTop: Bool) -> Bool {
        atTop && !skipped.isEmpty && skipped.contains(element)
    }

    private mutating func giveUp() {
        differs = true
        open.removeAll()
    }
}
