public import MicrocredPipeline

/// The `elm-xml` format: Europass Digital Credentials XML ("ELM v1/v2", root `europassCredential`,
/// namespace `http://data.europa.eu/snb`, schema `genericschema_1.2.xsd`), one credential per
/// document or many in a `europassCredentials` wrapper. See `docs/elm-xml.md`.
public enum ELMXMLFormat {
    /// The format's descriptor.
    public static let descriptor = FormatDescriptor(
        id: "elm-xml",
        displayName: "Europass Digital Credentials XML (genericschema 1.2)",
        fileExtensions: ["xml"],
        options: [
            FormatOption(
                name: "xsd", direction: .write, valueSyntax: "FILE",
                summary: "check every document written against this XML Schema (genericschema_1.2.xsd); a violation rejects the record"),
            FormatOption(
                name: "indent", direction: .write, valueSyntax: "true|false", defaultValue: "true",
                summary: "indent the XML written"),
        ],
        sniff: { sample in
            let text = String(decoding: sample.prefix(4096), as: UTF8.self)
            // Note: JSON (an Open Badges document with the extension context) may name the
            // namespaces too; only markup counts.
            guard text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).hasPrefix("<") else { return .no }
            if text.contains("<" + ELMNamespace.credential) || text.contains(":" + ELMNamespace.credential) { return .yes }
            return text.contains(ELMNamespace.snb) ? .yes : .maybe
        },
        makeReader: { source, context throws(Diagnostic) in try ELMReader(source: source, context: context) },
        makeWriter: { context throws(Diagnostic) in try ELMWriter(context: context) },
        writeRules: ELMWriteRules.all
    )
}
