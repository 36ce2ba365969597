import XMLSupport

/// The `text` element of `TextType` and `NoteType`.
enum ELMTexts {
    /// One language version of a text, as plain text.
    static func text(language: String, _ value: String) -> XMLElement {
        .snb("text", attributes: [XMLAttribute(localName: "lang", value: language), XMLAttribute(localName: "content-type", value: "text/plain")], text: value)
    }
}
