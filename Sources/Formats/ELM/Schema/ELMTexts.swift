import XMLSupport

/// The `text` element of `TextType` and `NoteType`.
enum ELMTexts {
    /// One language version of a text, as plain text.
    static func text(language: String, _ value: String) -> XMLElement {
        // Built directly (not through `snb`): one of these stands in every text of a credential.
        XMLElement(
            localName: "text", namespaceURI: ELMNamespace.snb,
            attributes: [XMLAttribute(localName: "lang", value: language), XMLAttribute(localName: "content-type", value: "text/plain")],
            children: value.isEmpty ? [] : [.text(value)])
    }
}
