public import MicrocredModel

/// The per-record part of a run: decode → normalise → validate → encode. Pure and thread-safe, so
/// a run processes many records at once.
public struct RecordProcessor: Sendable {
    public var stages: [any NormalisationStage]
    public var rules: [any ValidationRule]
    public var context: StageContext
    /// Whether warnings reject a record (`--strict`).
    public var rejectWarnings: Bool
    /// Codes of rules switched off (`--disable-rule`); findings with these codes are dropped.
    public var disabledCodes: Set<String>
    /// Codes of opt-in rules switched on (`--enable-rule`).
    public var enabledCodes: Set<String>

    public init(
        stages: [any NormalisationStage], rules: [any ValidationRule], context: StageContext,
        rejectWarnings: Bool = false, disabledCodes: Set<String> = [], enabledCodes: Set<String> = []
    ) {
        self.stages = stages
        self.rules = rules
        self.context = context
        self.rejectWarnings = rejectWarnings
        self.disabledCodes = disabledCodes
        self.enabledCodes = enabledCodes
    }

    /// Processes `record`: decoding, normalising and validating it, then encoding it with `writer`
    /// unless it is rejected.
    public func process(_ record: SourceRecord, writer: (any RecordWriter)?, standalone: Bool = false) -> ProcessedRecord {
        var diagnostics = record.problems
        var decoded: Credential?
        var normalised: Credential?
        if !diagnostics.contains(where: { $0.severity == .error }) {
            let outcome = record.decoder.decode(record)
            diagnostics += outcome.diagnostics
            decoded = outcome.credential
        }
        if var credential = decoded, !diagnostics.contains(where: { $0.severity == .error }) {
            for stage in stages { stage.normalise(&credential, context: context, diagnostics: &diagnostics) }
            for rule in rules where (!rule.isOptIn || enabledCodes.contains(rule.code)) && !disabledCodes.contains(rule.code) {
                rule.check(credential, context: context, diagnostics: &diagnostics)
            }
            normalised = credential
        }
        diagnostics.removeAll { disabledCodes.contains($0.code) }
        var processed = ProcessedRecord(
            source: record, decoded: decoded, credential: normalised,
            diagnostics: diagnostics.map { $0.located(in: record.location) })
        if let credential = normalised, !processed.isRejected(rejectWarnings: rejectWarnings), let writer {
            do {
                let encoded = try writer.encode(credential, standalone: standalone)
                processed.encoded = encoded.bytes
                processed.diagnostics += encoded.diagnostics.map { $0.located(in: record.location) }
            } catch {
                processed.diagnostics += error.diagnostics.map { $0.located(in: record.location) }
            }
        }
        return processed
    }
}

/// A record after processing: every stage's outcome and all its diagnostics.
public struct ProcessedRecord: Sendable {
    /// The record as split from its input.
    public var source: SourceRecord
    /// Where the record is.
    public var location: SourceLocation { source.location }
    /// The record as read, made when asked for (only rejected and inspected records need it).
    public var raw: JSONValue { source.decoder.raw(of: source) }
    /// The credential as decoded, before normalisation (`nil` if it could not be decoded).
    public var decoded: Credential?
    /// The credential after normalisation (`nil` if decoding failed).
    public private(set) var credential: Credential?
    /// Whether the record was decoded and normalised (it stays so when ``withoutModels()`` has
    /// let go of the credentials).
    public let isNormalised: Bool
    /// The normalised credential's id.
    public let credentialID: String?
    /// The EU elements the normalised credential carries (worked out with the rest of the
    /// record's processing, in parallel, for the report's completeness counts).
    public let euElements: [EUElement]
    /// Every finding, located.
    public var diagnostics: [Diagnostic]
    /// The bytes written for it, when it was encoded.
    public var encoded: [UInt8]?

    init(source: SourceRecord, decoded: Credential?, credential: Credential?, diagnostics: [Diagnostic]) {
        self.source = source
        self.decoded = decoded
        self.credential = credential
        isNormalised = credential != nil
        credentialID = credential?.id
        self.euElements = credential?.euElements ?? []
        self.diagnostics = diagnostics
    }

    /// The record without its credentials, for a run that only writes and reports: what is
    /// left is what that needs (the outcome, the id, the EU elements, the findings, the bytes).
    /// Note: a run lets go of the credentials on the thread that processed the record, so that
    /// freeing them is not left to the one thread that writes.
    public func withoutModels() -> ProcessedRecord {
        var record = self
        record.decoded = nil
        record.credential = nil
        return record
    }

    /// Whether the record is rejected: it has an error (or, with `rejectWarnings`, a warning), or
    /// it could not be decoded.
    public func isRejected(rejectWarnings: Bool) -> Bool {
        !isNormalised
            || diagnostics.contains { $0.severity == .error || (rejectWarnings && $0.severity == .warning) }
    }
}
