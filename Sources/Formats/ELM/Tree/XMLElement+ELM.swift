import XMLSupport

/// Credential trees as kept and written.
extension XMLElement {
    /// Whether the element has child elements (as opposed to text only).
    var hasElementChildren: Bool {
        children.contains { if case .element = $0 { true } else { false } }
    }

    /// The element with white-space-only text removed wherever it sits between child elements (the
    /// indentation of element-only content), recursively; text-only content is left as it is.
    var withoutFormatting: XMLElement {
        var copy = self
        guard hasElementChildren else { return copy }
        copy.children = children.compactMap { child in
            switch child {
            case .element(let element): .element(element.withoutFormatting)
            case .text(let text): text.isXMLWhitespace ? nil : .text(text)
            }
        }
        return copy
    }
}
