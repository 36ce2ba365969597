import XMLSupport

/// The `text` element of `TextType` and `NoteType`.
enum ELMTexts {
    /// Writes one language version of a text, as plain text.
    static func write<Output: XMLContentSink & ~Copyable>(language: String, _ value: String, to output: inout Output) {
        output.open("text")
        output.attribute("lang", language)
        output.attribute("content-type", "text/plain")
        output.content(value)
        output.close()
    }
}
