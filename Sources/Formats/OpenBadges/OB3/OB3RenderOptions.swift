import MicrocredModel
import MicrocredPipeline

/// How the OB 3.0 writer renders a credential.
struct OB3RenderOptions: Sendable {
    /// Write e-mail identities in plain text instead of salted hashes.
    var plainRecipients = false
    /// Keep embedded proofs found on input (they no longer verify once anything changed).
    var keepProofs = false
    /// Where derived salts come from (keyed with the secret, if any).
    var salts = RecipientSalt(secret: nil)
    /// Apply the OB 2.0 → 3.0 migration rules when the record carries OB 2.0 ids.
    var migrateOB2 = true
    /// How the extension context is referenced.
    var extensionContext: ExtensionContextReference = .inline
    /// Whether to add the extension context when extension members are written (a reader's
    /// comparison leaves it out, as it removes it from the source).
    var statesExtensionContext = true

    /// The settings a reader uses to render a record back for comparison with its source: nothing
    /// hashed, dropped or migrated.
    static let sourceFaithful = OB3RenderOptions(
        plainRecipients: true, keepProofs: true, migrateOB2: false, statesExtensionContext: false)
}

/// Where the extension's JSON-LD context comes from in written documents.
enum ExtensionContextReference: Sendable, Equatable {
    /// The context written into each document, with the terms the document uses.
    case inline
    /// A URL where the project's context document is published.
    case url(String)

    /// The `@context` entry for `document`: the terms it uses inline, or the URL; `inline` is
    /// the inline context, for splicing its bytes when serializing.
    func entry(for document: JSONValue) -> (value: JSONValue, inline: InlineExtensionContext?) {
        entry(forTerms: self == .inline ? MicrocredExtension.usedTerms(in: document) : 0)
    }

    /// The `@context` entry for a document that uses `terms` (a set of term bits).
    func entry(forTerms terms: UInt64) -> (value: JSONValue, inline: InlineExtensionContext?) {
        switch self {
        case .inline:
            let context = InlineExtensionContext.forTerms(terms)
            return (context.value, context)
        case .url(let url):
            return (.string(url), nil)
        }
    }

    /// Parses the `extension-context` option (`inline` or a URL).
    static func parse(_ text: String?) throws(Diagnostic) -> ExtensionContextReference {
        guard let text, text != "inline" else { return .inline }
        guard text.hasPrefix("https://") || text.hasPrefix("http://") else {
            throw Diagnostic.error(
                "option.invalid-value", "option 'extension-context' expects 'inline' or a URL, not '\(text)'",
                hint: "publish docs/contexts/\(MicrocredExtension.contextFileName) and give its URL")
        }
        return .url(text)
    }
}
