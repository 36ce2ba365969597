import MicrocredModel
import MicrocredPipeline

/// Decodes one OB 2.0 (or 0.5–1.1) assertion: upgrade to the 2.0 shape with BadgeClass and Issuer
/// embedded, map to the model, and keep what the mapping has no home for as `ob2` unmapped fields.
struct OB2Decoder: RecordDecoder {
    var today: CalendarDate
    var configuredContextURL: String?
    /// Whether what the mapping leaves out is kept as unmapped fields (found by rendering the
    /// credential back and comparing).
    var keepsUnmappedFields = true

    func decode(_ record: SourceRecord) -> DecodedRecord {
        let payload = record.payload as? OpenBadgesPayload
        let source = payload?.document ?? record.raw
        let upgraded = OB2Upgrade().upgrade(Self.withoutExtensionContext(source, configured: configuredContextURL), resolved: payload?.resolved ?? [:])
        var diagnostics = upgraded.diagnostics
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return DecodedRecord(credential: nil, diagnostics: diagnostics) }
        var mapper = OB2Mapper()
        var credential = mapper.credential(from: upgraded.document)
        diagnostics += mapper.diagnostics
        if keepsUnmappedFields {
            let rendition = OB2Renderer.sourceFaithful.render(credential).document
            credential.unmapped += SourceDiff.unmapped(source: upgraded.document, rendered: rendition, format: OpenBadges2Format.id)
        }
        if let token = payload?.token { credential.proofs.append(Proof(format: "jws", value: .string(token))) }
        if !credential.proofs.isEmpty {
            diagnostics.append(.note("ob2.signature-not-verified", "the JWS signature is kept as read; it is not verified", field: "/verification"))
        }
        if let until = credential.validUntil, until.calendarDate < today {
            diagnostics.append(
                .warning(
                    "ob2.expired", "the assertion expired on \(until) (expires)",
                    hint: "it is converted as it is; check whether an expired badge should be", field: "/expires"))
        }
        let verification = upgraded.document["verification"]?["type"]?.stringValue ?? "hosted"
        if ["hosted", "HostedBadge"].contains(verification), let issuerID = upgraded.document["badge"]?["issuer"]?["id"]?.stringValue,
            !(issuerID.hasPrefix("https://") || issuerID.hasPrefix("http://"))
        {
            diagnostics.append(
                .warning(
                    "ob2.issuer-not-http", "the issuer id '\(issuerID)' of a hosted badge is not an HTTP(S) URL",
                    hint: "hosted verification needs the issuer Profile at an HTTP(S) id", field: "/badge/issuer/id"))
        }
        for (index, extensionKey) in Self.extensionKeys(upgraded.document).enumerated() where index < 16 {
            diagnostics.append(
                .note(
                    "ob2.extension-not-validated", "extension '\(extensionKey)' is kept but not validated (its schema is not fetched)",
                    field: "/" + JSONPointer.escape(extensionKey)))
        }
        return DecodedRecord(credential: credential, diagnostics: diagnostics)
    }

    /// `source` without the microcred extension context (the writer adds it when needed).
    static func withoutExtensionContext(_ source: JSONValue, configured: String?) -> JSONValue {
        guard case .array(let contexts)? = source["@context"] else { return source }
        let kept = contexts.filter { !MicrocredExtension.isExtensionContext($0, configuredURL: configured) }
        guard kept.count != contexts.count else { return source }
        return source.setting("@context", kept.count == 1 ? kept[0] : .array(kept))
    }

    /// The `extensions:` members of the assertion and its BadgeClass (the RecipientProfile
    /// extension, which is read, excepted).
    static func extensionKeys(_ document: JSONValue) -> [String] {
        var keys: [String] = []
        for object in [document, document["badge"] ?? .null] {
            for member in object.objectValue ?? [] where member.key.hasPrefix("extensions:") && member.key != OB2Vocabulary.recipientProfileKey {
                keys.append(member.key)
            }
        }
        return keys
    }
}
