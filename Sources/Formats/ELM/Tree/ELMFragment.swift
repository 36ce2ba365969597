import XMLSupport

/// Kept XML: an element written as a self-contained fragment (for the unmapped bag and the rejects
/// file), and read back.
enum ELMFragment {
    /// `element` as compact XML text that declares every namespace it uses.
    static func serialize(_ element: XMLElement) throws -> String {
        String(decoding: try XMLTreeSerializer().serialize(ELMNamespaceFixup.fixed(element.withoutFormatting)), as: UTF8.self)
    }

    /// The element in `text`, without the white space that indented it.
    /// - Throws: ``XMLError`` when the text is not one well-formed element.
    static func parse(_ text: String) throws -> XMLElement {
        let reader = try XMLPullReader(bytes: Array(text.utf8), documentName: "unmapped field")
        while let event = try reader.next() {
            if event.kind == .startElement { return try reader.readElement().withoutFormatting }
        }
        throw XMLError(XMLIssue(code: XMLIssue.Code.emptyDocument, message: "the fragment holds no element"))
    }
}
