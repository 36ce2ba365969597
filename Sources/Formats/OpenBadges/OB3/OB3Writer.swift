import MicrocredModel
import MicrocredPipeline

/// Writes OB 3.0 credentials: JSON Lines (one compact credential per line) as a batch stream, a
/// pretty-printed JSON document per file with `--split`, or baked images with `bake=`.
struct OB3Writer: RecordWriter {
    let settings: WriterSettings
    /// Renders with the settings' options, made once for the run.
    let renderer: OB3Renderer
    let saltNotice = OnceFlag()

    var header: [UInt8] { [] }
    var separator: [UInt8] { [] }
    var footer: [UInt8] { [] }
    var documentExtension: String { settings.baker?.fileExtension ?? "json" }

    init(context: FormatContext) throws(Diagnostic) {
        settings = try WriterSettings(context: context)
        renderer = OB3Renderer(
            options: OB3RenderOptions(
                plainRecipients: settings.plainRecipients, keepProofs: settings.keepProofs, salts: settings.salts,
                migrateOB2: true, extensionContext: settings.extensionContext))
    }

    func encode(_ credential: Credential, standalone: Bool) throws(RecordRejection) -> EncodedRecord {
        if !standalone, settings.baker == nil, let line = renderer.renderLine(credential) {
            return EncodedRecord(bytes: line.bytes, diagnostics: notes(line.diagnostics, hashedEmail: line.hashedEmail))
        }
        let rendering = renderer.render(credential)
        let diagnostics = notes(rendering.diagnostics, hashedEmail: rendering.hashedEmail)
        if let baker = settings.baker {
            guard standalone else { throw WriterSettings.bakeNeedsSplit() }
            do {
                let text = JSONSerializer().string(rendering.document)
                return EncodedRecord(bytes: try baker.bake(text, openBadges3: true), diagnostics: diagnostics)
            } catch {
                throw RecordRejection(diagnostics + [error])
            }
        }
        return EncodedRecord(bytes: WriterSettings.serialize(rendering.document, standalone: standalone, inlineContext: rendering.inlineContext), diagnostics: diagnostics)
    }

    /// The renderer's notes, and the first time a plain e-mail address is hashed without a
    /// secret, the notice about the salt.
    private func notes(_ diagnostics: [Diagnostic], hashedEmail: Bool) -> [Diagnostic] {
        guard hashedEmail, settings.saltSecret == nil, saltNotice.claim() else { return diagnostics }
        return diagnostics + [WriterSettings.saltWithoutSecret()]
    }
}
