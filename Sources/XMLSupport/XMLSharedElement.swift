/// An element that many documents hold the same (a code naming a concept from a vocabulary, say),
/// made once and shared.
///
/// Added to an ``XMLContentSink`` with ``XMLContentSink/addShared(_:)``, it
/// costs a tree (``XMLTreeBuilder``) one reference count, and an ``XMLMarkupWriter`` a copy of
/// the bytes it was written as once, at any depth, instead of writing it again.
public final class XMLSharedElement: Sendable {
    /// The element.
    public let element: XMLElement
    /// The element as written by a writer of each layout (see ``XMLMarkupFragment/Layout``), or
    /// `nil` for a layout in which writing it failed.
    let markup: [XMLMarkupFragment?]

    /// Shares `element`, writing it once for every layout of ``XMLMarkupWriter``.
    public init(_ element: XMLElement) {
        self.element = element
        markup = XMLMarkupFragment.Layout.all.map { XMLMarkupFragment(element, layout: $0) }
    }
}
