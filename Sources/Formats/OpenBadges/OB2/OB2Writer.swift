import MicrocredModel
import MicrocredPipeline

/// Writes OB 2.0 assertions with the BadgeClass and Issuer embedded: JSON Lines as a batch stream,
/// a pretty-printed JSON document per file with `--split`, or baked images with `bake=`.
struct OB2Writer: RecordWriter {
    let settings: WriterSettings
    let saltNotice = OnceFlag()

    var header: [UInt8] { [] }
    var separator: [UInt8] { [] }
    var footer: [UInt8] { [] }
    var documentExtension: String { settings.baker?.fileExtension ?? "json" }

    init(context: FormatContext) throws(Diagnostic) {
        settings = try WriterSettings(context: context)
    }

    func encode(_ credential: Credential, standalone: Bool) throws(RecordRejection) -> EncodedRecord {
        let renderer = OB2Renderer(
            plainRecipients: settings.plainRecipients, salts: settings.salts, extensionContext: settings.extensionContext)
        let rendering = renderer.render(credential)
        var diagnostics = rendering.diagnostics
        if rendering.hashedEmail, settings.saltSecret == nil, saltNotice.claim() {
            diagnostics.append(WriterSettings.saltWithoutSecret())
        }
        if let baker = settings.baker {
            guard standalone else { throw WriterSettings.bakeNeedsSplit() }
            let id = rendering.document["id"]?.stringValue
            let hosted = id.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
            do {
                let text = JSONSerializer().string(rendering.document)
                return EncodedRecord(bytes: try baker.bake(text, openBadges3: false, hostedURL: hosted), diagnostics: diagnostics)
            } catch {
                throw RecordRejection(diagnostics + [error])
            }
        }
        return EncodedRecord(bytes: WriterSettings.serialize(rendering.document, standalone: standalone, inlineContext: rendering.inlineContext), diagnostics: diagnostics)
    }
}
