/// Writes an ``XMLElement`` tree as UTF-8 bytes in Swift, byte for byte as ``XMLStreamWriter``
/// (libxml2's `xmlTextWriter`) writes the same tree: the tree given to an ``XMLMarkupWriter``,
/// whose layout, escaping and checks it has. Namespace declarations are written as the tree
/// holds them, first, then the attributes.
public struct XMLTreeSerializer: Sendable {
    /// Whether to lay the tree out on indented lines.
    public var indent: Bool

    /// Creates a serializer.
    /// - Parameter indent: Whether to put each element on its own line, indented by two spaces per level.
    public init(indent: Bool = false) {
        self.indent = indent
    }

    /// The bytes of `element`, preceded by the XML declaration when `declaration` is set (then
    /// ending with a line break, as a document does).
    /// - Throws: ``XMLError`` with code `xml.invalid-name` or `xml.invalid-character`, as
    ///   ``XMLStreamWriter`` does.
    public func serialize(_ element: XMLElement, declaration: Bool = false) throws(XMLError) -> [UInt8] {
        var writer = XMLMarkupWriter(indent: indent, declaration: declaration)
        writer.addElement(element)
        return try writer.finish()
    }
}
