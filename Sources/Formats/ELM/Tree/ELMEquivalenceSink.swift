import XMLSupport

/// Compares a document with a source tree as it is written, without building it: at the end,
/// ``isEquivalent`` says whether the written element would be ``ELMTreeEquivalence/equivalent(_:_:)``
/// to the source (the source's top-level children in `skipped` left out).
///
/// The check proves equivalence or gives up: `false` means "not shown", and the caller then
/// builds the tree and compares it in full. It gives up at the first difference, and also on
/// content mixing significant text with elements, which the full comparison handles.
struct ELMEquivalenceSink: XMLContentSink {
    /// One element being written and the source element it is compared with.
    private struct Frame {
        let source: XMLElement
        /// The source's next child to compare.
        var cursor = 0
        /// The source's attributes already matched, as bits by position.
        var matchedAttributes: UInt64 = 0
        var attributeCount = 0
        /// Whether an element has been written inside.
        var hasElements = false
        /// The text written inside, while no element has been.
        var text = ""
    }

    private let source: XMLElement
    private let skipped: [XMLElement]
    private var open: [Frame] = []
    private var closedRoot = false
    private var differs = false

    /// A check of the document to be written against `source`, whose top-level children in
    /// `skipped` are left out of the comparison.
    init(source: XMLElement, skipping skipped: [XMLElement] = []) {
        self.source = source
        self.skipped = skipped
    }

    /// Whether the written document is equivalent to the source; `false` also when it could not
    /// be shown, or when nothing (or more than one element) was written.
    var isEquivalent: Bool { closedRoot && !differs }

    mutating func startElement(_ localName: String, namespaceURI: String?, prefix: String?) {
        guard !differs else { return }
        let element: XMLElement
        if open.isEmpty {
            guard !closedRoot else { return giveUp() }
            element = source
        } else {
            guard let next = nextSourceElement() else { return giveUp() }
            element = next
        }
        guard element.localName == localName, element.namespaceURI == namespaceURI, element.attributes.count <= 64 else { return giveUp() }
        open.append(Frame(source: element))
    }

    mutating func declareNamespace(prefix: String?, uri: String) {}

    mutating func addAttribute(_ localName: String, namespaceURI: String?, prefix: String?, value: String) {
        guard !differs else { return }
        let attributes = open[open.count - 1].source.attributes
        let matched = open[open.count - 1].matchedAttributes
        for index in attributes.indices where matched & (1 << index) == 0 {
            if attributes[index].localName == localName, attributes[index].namespaceURI == namespaceURI, attributes[index].value == value {
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
        guard let frame = open.popLast() else { preconditionFailure("an element closed that was not opened") }
        guard frame.attributeCount == frame.source.attributes.count else { return giveUp() }
        let children = frame.source.children
        if frame.hasElements {
            // The source's elements were all written, and what is left of it is indentation.
            var index = frame.cursor
            while index < children.count {
                switch children[index] {
                case .text(let text): guard text.isWhitespaceOnly else { return giveUp() }
                case .element(let element): guard isSkipped(element, atTop: open.isEmpty) else { return giveUp() }
                }
                index += 1
            }
        } else {
            for case .element(let element) in children where !isSkipped(element, atTop: open.isEmpty) { return giveUp() }
            guard Self.text(of: children) == frame.text else { return giveUp() }
        }
        if open.isEmpty { closedRoot = true }
    }

    // MARK: Source

    /// The next source element of the open frame, past indentation and skipped elements; `nil`
    /// (having given up) at significant text or when there is none. The frame now holds an element.
    private mutating func nextSourceElement() -> XMLElement? {
        let last = open.count - 1
        if !open[last].hasElements {
            guard open[last].text.isEmpty || open[last].text.isWhitespaceOnly else { return nil }
            open[last].hasElements = true
        }
        let children = open[last].source.children
        while open[last].cursor < children.count {
            let child = children[open[last].cursor]
            open[last].cursor += 1
            switch child {
            case .text(let text): if !text.isWhitespaceOnly { return nil }
            case .element(let element): if !isSkipped(element, atTop: last == 0) { return element }
            }
        }
        return nil
    }

    /// Whether `element`, a child of the source's root when `atTop`, is left out of the comparison.
    private func isSkipped(_ element: XMLElement, atTop: Bool) -> Bool {
        atTop && !skipped.isEmpty && skipped.contains(element)
    }

    /// The direct text children joined, without building a string for the usual one or none.
    private static func text(of children: [XMLElement.Child]) -> String {
        switch children.count {
        case 0: return ""
        case 1: if case .text(let text) = children[0] { return text } else { return "" }
        default: return children.reduce(into: "") { if case .text(let text) = $1 { $0 += text } }
        }
    }

    private mutating func giveUp() {
        differs = true
        open.removeAll()
    }
}
