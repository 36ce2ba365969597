import MicrocredModel
import MicrocredPipeline

/// The write options both Open Badges writers take from `--to-option` and the run environment.
struct WriterSettings: Sendable {
    var plainRecipients: Bool
    var keepProofs: Bool
    var saltSecret: String?
    /// Salts derived with ``saltSecret``.
    var salts: RecipientSalt
    var extensionContext: ExtensionContextReference
    var baker: BadgeBaker?

    init(context: FormatContext) throws(Diagnostic) {
        plainRecipients = try context.flag("plain-recipients", default: false)
        keepProofs = try context.flag("keep-proofs", default: false)
        saltSecret = context.environment.secret.flatMap { $0.isEmpty ? nil : $0 }
        salts = RecipientSalt(secret: saltSecret)
        extensionContext = try ExtensionContextReference.parse(context.options["extension-context"])
        baker = try context.options["bake"].map { path throws(Diagnostic) in try BadgeBaker.load(path: path) }
    }

    /// The options both formats declare.
    static let options: [FormatOption] = [
        FormatOption(
            name: "plain-recipients", direction: .write, valueSyntax: "true|false", defaultValue: "false",
            summary: "write recipient e-mail addresses in plain text instead of salted SHA-256 hashes"),
        FormatOption(
            name: "keep-proofs", direction: .write, valueSyntax: "true|false", defaultValue: "false",
            summary: "keep embedded proofs found on input (they no longer verify once a credential changes)"),
        FormatOption(
            name: "extension-context", direction: .write, valueSyntax: "inline|URL", defaultValue: "inline",
            summary: "reference the microcred extension context inline or at the URL where it is published"),
        FormatOption(
            name: "bake", direction: .write, valueSyntax: "TEMPLATE.png|TEMPLATE.svg",
            summary: "bake each credential into a copy of this image (with --split)"),
        FormatOption(
            name: "extension-context", direction: .read, valueSyntax: "URL",
            summary: "a published extension context URL to recognise besides the shipped file name"),
    ]

    /// The warning given once when e-mails are hashed without a secret.
    static func saltWithoutSecret() -> Diagnostic {
        .warning(
            "openbadges.salt-without-secret",
            "recipient e-mail addresses are hashed with salts derived from the credential id alone",
            hint: "give --salt-secret (or MICROCRED_SALT_SECRET) so salts cannot be recomputed from public ids",
            field: "learner.email")
    }

    /// The serialised document: pretty-printed for a standalone file, one line for JSON Lines
    /// (with the bytes of `inlineContext`, the extension context the document ends its
    /// `@context` with, copied in).
    static func serialize(_ document: JSONValue, standalone: Bool, inlineContext: InlineExtensionContext?) -> [UInt8] {
        var bytes =
            if !standalone, let spliced = inlineContext?.compactSerialization(of: document) {
                spliced
            } else {
                JSONSerializer(indent: standalone ? 2 : nil).serialize(document)
            }
        bytes.append(0x0A)
        return bytes
    }

    /// The rejection of a record that would be baked into a batch stream.
    static func bakeNeedsSplit() -> RecordRejection {
        RecordRejection([
            .error(
                "openbadges.bake-needs-split", "baked images are written one per file",
                hint: "add --split (and -o FOLDER) when baking")
        ])
    }
}
