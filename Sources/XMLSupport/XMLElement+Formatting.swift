extension XMLElement {
    /// Whether the element has child elements (as opposed to text only, or nothing).
    public var hasElementChildren: Bool {
        children.contains { if case .element = $0 { true } else { false } }
    }

    /// The element with its formatting removed: the white-space-only text wherever it sits
    /// between child elements (the indentation of element-only content), recursively. Text-only
    /// content is left as it is, white space and all.
    ///
    /// ``XMLRecordedElement/unformattedElement()`` builds the same tree straight from a recording.
    public var withoutFormatting: XMLElement {
        var copy = self
        guard hasElementChildren else { return copy }
        copy.children = children.compactMap { child in
            switch child {
            case .element(let element): .element(element.withoutFormatting)
            case .text(let text): XMLWhitespace.isWhitespace(text) ? nil : .text(text)
            }
        }
        return copy
    }
}
