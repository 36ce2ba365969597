import XMLSupport

/// Whether two elements say the same thing: same names, attributes and text, element by element,
/// ignoring prefixes, namespace declarations, positions and the white space that indents
/// element-only content.
enum ELMTreeEquivalence {
    static func equivalent(_ lhs: XMLElement, _ rhs: XMLElement) -> Bool {
        guard lhs.localName == rhs.localName, lhs.namespaceURI == rhs.namespaceURI,
            attributesMatch(lhs.attributes, rhs.attributes)
        else { return false }
        let left = lhs.children
        let right = rhs.children
        if let leftText = onlyText(left), let rightText = onlyText(right) { return leftText == rightText }
        if !left.contains(where: isElement), !right.contains(where: isElement) { return lhs.text == rhs.text }
        // The cheap test first: the significant text, then the elements pairwise.
        return textsMatch(left, right) && elementsMatch(left, right)
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

    /// The text of children that are at most one text child; `nil` otherwise.
    private static func onlyText(_ children: [XMLElement.Child]) -> String? {
        switch children.count {
        case 0: return ""
        case 1: if case .text(let text) = children[0] { return text } else { return nil }
        default: return nil
        }
    }

    private static func isElement(_ child: XMLElement.Child) -> Bool {
        if case .element = child { true } else { false }
    }

    /// Whether the element children of two lists are equivalent pairwise, in order.
    private static func elementsMatch(_ left: [XMLElement.Child], _ right: [XMLElement.Child]) -> Bool {
        var leftIndex = 0
        var rightIndex = 0
        while true {
            while leftIndex < left.count, !isElement(left[leftIndex]) { leftIndex += 1 }
            while rightIndex < right.count, !isElement(right[rightIndex]) { rightIndex += 1 }
            guard leftIndex < left.count, rightIndex < right.count else {
                return leftIndex == left.count && rightIndex == right.count
            }
            guard case .element(let leftElement) = left[leftIndex], case .element(let rightElement) = right[rightIndex],
                equivalent(leftElement, rightElement)
            else { return false }
            leftIndex += 1
            rightIndex += 1
        }
    }

    /// Whether the text children of two lists that are more than indentation are equal, in order.
    private static func textsMatch(_ left: [XMLElement.Child], _ right: [XMLElement.Child]) -> Bool {
        var leftIndex = 0
        var rightIndex = 0
        while true {
            while leftIndex < left.count, significantText(left[leftIndex]) == nil { leftIndex += 1 }
            while rightIndex < right.count, significantText(right[rightIndex]) == nil { rightIndex += 1 }
            guard leftIndex < left.count, rightIndex < right.count else {
                return leftIndex == left.count && rightIndex == right.count
            }
            guard significantText(left[leftIndex]) == significantText(right[rightIndex]) else { return false }
            leftIndex += 1
            rightIndex += 1
        }
    }

    /// The text of a text child that is more than white space.
    private static func significantText(_ child: XMLElement.Child) -> String? {
        if case .text(let text) = child, !text.isWhitespaceOnly { text } else { nil }
    }
}
