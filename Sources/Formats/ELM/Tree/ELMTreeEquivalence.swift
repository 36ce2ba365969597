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

    private static func element(_ child: XMLElement.Child) -> XMLElement? {
        if case .element(let element) = child { element } else { nil }
    }

    /// Whether the element children of two lists are equivalent pairwise, in order.
    private static func elementsMatch(_ left: [XMLElement.Child], _ right: [XMLElement.Child]) -> Bool {
        pairwise(left, right, picking: element, match: equivalent)
    }

    /// Whether the text children of two lists that are more than indentation are equal, in order.
    private static func textsMatch(_ left: [XMLElement.Child], _ right: [XMLElement.Child]) -> Bool {
        pairwise(left, right, picking: significantText, match: ==)
    }

    /// Whether the children `pick` gives a value for are as many in both lists and match pairwise,
    /// in order; the others are skipped. (Walked by index: lazily filtered sequences cost more
    /// than the comparisons.)
    private static func pairwise<Value>(
        _ left: [XMLElement.Child], _ right: [XMLElement.Child], picking pick: (XMLElement.Child) -> Value?,
        match: (Value, Value) -> Bool
    ) -> Bool {
        var leftIndex = 0
        var rightIndex = 0
        while true {
            switch (next(in: left, from: &leftIndex, pick), next(in: right, from: &rightIndex, pick)) {
            case (nil, nil): return true
            case (let leftValue?, let rightValue?): if !match(leftValue, rightValue) { return false }
            default: return false
            }
        }
    }

    /// The value `pick` gives for the first child at or after `index` it gives one for, with
    /// `index` moved past that child; `nil` when there is none.
    private static func next<Value>(
        in children: [XMLElement.Child], from index: inout Int, _ pick: (XMLElement.Child) -> Value?
    ) -> Value? {
        while index < children.count {
            let value = pick(children[index])
            index += 1
            if let value { return value }
        }
        return nil
    }

    /// The text of a text child that is more than white space.
    private static func significantText(_ child: XMLElement.Child) -> String? {
        if case .text(let text) = child, !text.isXMLWhitespace { text } else { nil }
    }
}
