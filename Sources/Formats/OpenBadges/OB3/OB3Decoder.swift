import MicrocredModel
import MicrocredPipeline

/// Decodes one OB 3.0 credential: upgrade to the strict shape, check types, map to the model, and
/// keep what the mapping has no home for as `ob3` unmapped fields.
struct OB3Decoder: RecordDecoder {
    /// The run's today, for the expiry check.
    var today: CalendarDate
    /// An extension context URL configured for reading.
    var configuredContextURL: String?
    /// Whether what the mapping leaves out is kept as unmapped fields (found by rendering the
    /// credential back and comparing).
    var keepsUnmappedFields = true

    func decode(_ record: SourceRecord) -> DecodedRecord {
        let payload = record.payload as? OpenBadgesPayload
        let source = payload?.document ?? record.raw
        let upgraded = OB3Upgrade(configuredContextURL: configuredContextURL).upgrade(source)
        var diagnostics = upgraded.diagnostics + OB3TypeCheck.check(upgraded.document)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return DecodedRecord(credential: nil, diagnostics: diagnostics) }
        var mapper = OB3Mapper()
        var credential = mapper.credential(from: upgraded.document)
        diagnostics += mapper.diagnostics
        if keepsUnmappedFields {
            let rendition = OB3Renderer(options: .sourceFaithful).render(credential).document
            credential.unmapped += SourceDiff.unmapped(source: upgraded.document, rendered: rendition, format: OpenBadges3Format.id)
        }
        if let token = payload?.token {
            credential.proofs.append(Proof(format: "vc-jwt", value: .string(token)))
        }
        diagnostics += Self.notes(for: upgraded.document, credential: credential, today: today)
        return DecodedRecord(credential: consume credential, diagnostics: diagnostics)
    }

    /// Notes on what was kept but not checked, and the expiry warning.
    static func notes(for document: JSONValue, credential: Credential, today: CalendarDate) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        if !credential.proofs.isEmpty {
            notes.append(
                .note(
                    "ob3.proof-not-verified", "\(credential.proofs.count) proof(s) kept as read; signatures are not verified",
                    field: "/proof"))
        }
        if document["credentialStatus"] != nil {
            notes.append(
                .note(
                    "ob3.status-not-checked", "the credential's status (revocation) is not checked: nothing is fetched",
                    field: "/credentialStatus"))
        }
        if document["refreshService"] != nil {
            notes.append(.note("ob3.refresh-not-used", "the refresh service is kept but not called", field: "/refreshService"))
        }
        if let until = credential.validUntil, until.calendarDate < today {
            notes.append(
                .warning(
                    "ob3.expired", "the credential expired on \(until) (validUntil)",
                    hint: "it is converted as it is; check whether an expired credential should be", field: "/validUntil"))
        }
        return notes
    }
}
