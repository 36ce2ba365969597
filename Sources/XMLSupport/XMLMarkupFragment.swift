/// An element as an ``XMLMarkupWriter`` writes it at the top level, with the places where the
/// writer indented a line: a writer copies it in at depth `d` by adding `2 d` spaces at each of
/// them, which gives the bytes it would write for the element there.
struct XMLMarkupFragment: Sendable {
    /// What decides how a writer writes an element: the indentation, and whether attribute
    /// values write characters beyond ASCII as references (as they do without the declaration).
    struct Layout: Equatable, Sendable {
        var indent: Bool
        var declaration: Bool

        /// Every layout, in the order of ``index``.
        static let all = [false, true].flatMap { declaration in [false, true].map { Layout(indent: $0, declaration: declaration) } }

        /// The position of the layout in ``all``.
        var index: Int { (indent ? 1 : 0) + (declaration ? 2 : 0) }
    }

    /// The bytes written, from the element's `<` to the end of its end tag (and the line break
    /// after it, with indentation).
    let bytes: [UInt8]
    /// The offsets in ``bytes`` at which the writer wrote indentation, in order (none without
    /// indentation). The first is 0, before the start tag.
    let indentation: [Int]

    /// `element` written by a writer of `layout`; `nil` when the writer refuses a name or a
    /// character of it.
    init?(_ element: XMLElement, layout: Layout) {
        var writer = XMLMarkupWriter(fragmentIn: layout)
        writer.addElement(element)
        guard let fragment = writer.finishFragment() else { return nil }
        self = fragment
    }

    init(bytes: [UInt8], indentation: [Int]) {
        self.bytes = bytes
        self.indentation = indentation
    }
}
