import XMLSupport

/// Whether two elements say the same thing: same names, attributes and text, element by element,
/// ignoring prefixes, namespace declarations, positions and the white space that indents
/// element-only content.
enum ELMTreeEquivalence {
    static func equivalent(_ lhs: XMLElement, _ rhs: XMLElement) -> Bool {
        guard lhs.localName == rhs.localName, lhs.namespaceURI == rhs.namespaceURI,
            attributesMatch(lhs.attributes, rhs.attributes)
        else { return false }
        if let leftText = onlyText(of: lhs), let rightText = onlyText(of: rhs) { return leftText == rightText }
        let left = lhs.children.lazy.compactMap(element)
        let right = rhs.children.lazy.compactMap(element)
        if left.isEmpty && right.isEmpty { return lhs.text == rhs.text }
        return significantText(of: lhs).elementsEqual(significantText(of: rhs))
            && left.elementsEqual(right, by: equivalent)
    }

    /// Whether two lists of elements are equivalent pairwise.
    static func equivalent(_ lhs: ArraySlice<XMLElement>, _ rhs: ArraySlice<XMLElement>) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { equivalent($0, $1) }
    }

    private static func attributesMatch(_ lhs: [XMLAttribute], _ rhs: [XMLAttribute]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.allSatisfy { attribute in
            rhs.contains { $0.localName == attribute.localName && $0.namespaceURI == attribute.namespaceURI && $0.value == attribute.value }
        }
    }

    /// The text of an element holding at most one text child and nothing else; `nil` otherwise.
    private static func onlyText(of element: XMLElement) -> String? {
        switch element.children.count {
        case 0: return ""
        case 1: if case .text(let text) = element.children[0] { return text } else { return nil }
        default: return nil
        }
    }

    private static func element(_ child: XMLElement.Child) -> XMLElement? {
        if case .element(let element) = child { element } else { nil }
    }

    /// The text children of mixed content that are more than indentation.
    private static func significantText(of element: XMLElement) -> some Sequence<String> {
        element.children.lazy.compactMap { child in
            if case .text(let text) = child, !text.isWhitespaceOnly { text } else { nil }
        }
    }
}
