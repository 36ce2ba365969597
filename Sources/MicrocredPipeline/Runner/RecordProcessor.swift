public import MicrocredModel

/// The per-record part of a run: decode → normalise → validate → encode. Pure and thread-safe, so
/// a run processes many records at once.
public struct RecordProcessor: Sendable {
    public let stages: [any NormalisationStage]
    public let rules: [any ValidationRule]
    public let context: StageContext
    /// Whether warnings reject a record (`--strict`).
    public let rejectWarnings: Bool
    /// Codes of rules switched off (`--disable-rule`); findings with these codes are dropped.
    public let disabledCodes: Set<String>
    /// Codes of opt-in rules switched on (`--enable-rule`).
    public let enabledCodes: Set<String>
    /// The rules that check each record: those not switched off, opt-in rules only when switched on.
    private let checkedRules: [any ValidationRule]

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
        checkedRules = rules.filter { rule in (!rule.isOptIn || enabledCodes.contains(rule.code)) && !disabledCodes.contains(rule.code) }
    }

    /// Processes `record`: decoding, normalising and validating it, then encoding it with `writer`
    /// unless it is rejected.
    /// - Parameter keepsModels: whether the result keeps the credential as decoded and as
    ///   normalised. A run that only writes and reports does without them: then the one
    ///   credential is normalised in place, and freed on this thread once encoded.
    public func process(
        _ record: SourceRecord, writer: (any RecordWriter)?, standalone: Bool = false, keepsModels: Bool = true
    ) -> ProcessedRecord {
        var record = record
        var diagnostics = record.problems
        var working: Credential?
        var decoded: Credential?
        if !diagnostics.contains(where: { $0.severity == .error }) {
            var outcome = record.decoder.decode(record)
            if let failure = outcome.inputFailure {
                var processed = ProcessedRecord(source: record, decoded: nil, normalised: nil, credential: nil, diagnostics: [])
                processed.inputFailure = failure
                return processed
            }
            if let parsed = outcome.parsedPayload.take() { record.payload = parsed }
            diagnostics += outcome.diagnostics
            working = outcome.credential.take()
            if keepsModels { decoded = working }
        }
        var normalised: Credential?
        var summary: ProcessedRecord.Summary?
        if !diagnostics.contains(where: { $0.severity == .error }), var credential = consume working {
            // By index: `for … in` copies each existential out of its list.
            for index in stages.indices { stages[index].normalise(&credential, context: context, diagnostics: &diagnostics) }
            for index in checkedRules.indices { checkedRules[index].check(credential, context: context, diagnostics: &diagnostics) }
            summary = ProcessedRecord.Summary(credentialID: credential.id, euElements: EUElementSet(credential))
            normalised = consume credential
        }
        if !disabledCodes.isEmpty { diagnostics.removeAll { disabledCodes.contains($0.code) } }
        var processed = ProcessedRecord(
            source: record, decoded: decoded, normalised: summary, credential: keepsModels ? normalised : nil,
            diagnostics: diagnostics.map { $0.located(in: record.location) })
        if let credential = normalised.take(), !processed.isRejected(rejectWarnings: rejectWarnings), let writer {
            do {
                let encoded = try writer.encode(credential, standalone: standalone)
                processed.encoded = encoded.bytes
                processed.diagnostics += encoded.diagnostics.map { $0.located(in: record.location) }
            } catch {
                processed.diagnostics += error.diagnostics.map { $0.located(in: record.location) }
            }
        }
        // A rejected record is reported with the record as read: made here, on the thread that
        // processed it, rather than by the caller that writes the records in order.
        if processed.isRejected(rejectWarnings: rejectWarnings) || (writer != nil && processed.encoded == nil) {
            processed.madeRaw = record.decoder.raw(of: record)
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
    /// The record as read: made while processing a record that is rejected, and when asked for
    /// otherwise (only rejected and inspected records need it).
    public var raw: JSONValue { madeRaw ?? source.decoder.raw(of: source) }
    /// The record as read, when processing made it.
    var madeRaw: JSONValue?
    /// The credential as decoded, before normalisation (`nil` if it could not be decoded).
    public var decoded: Credential?
    /// The credential after normalisation (`nil` if decoding failed).
    public private(set) var credential: Credential?
    /// Whether the record was decoded and normalised (also when the credentials were not kept).
    public let isNormalised: Bool
    /// The normalised credential's id.
    public let credentialID: String?
    /// The EU elements the normalised credential carries (worked out with the rest of the
    /// record's processing, in parallel, for the report's completeness counts).
    public let euElements: EUElementSet
    /// Every finding, located.
    public var diagnostics: [Diagnostic]
    /// The bytes written for it, when it was encoded.
    public var encoded: [UInt8]?
    /// Set when the record turned out not to be one but where its input stops being readable
    /// (``DecodedRecord/inputFailure``): the input's failure, which stands for this record and
    /// every later one of the same input.
    public var inputFailure: Diagnostic?

    /// What processing tells about a normalised credential, kept whether or not the credential is.
    struct Summary {
        var credentialID: String?
        var euElements: EUElementSet
    }

    /// A record whose credential was normalised (`normalised`; `nil`: it could not be decoded or
    /// normalised), keeping the normalised `credential` when given. A summary rather than the
    /// credential tells what the record needs of it, as the caller goes on to encode the
    /// credential and a copy of one retains everything it holds.
    init(source: SourceRecord, decoded: Credential?, normalised: Summary?, credential: Credential?, diagnostics: [Diagnostic]) {
        self.source = source
        self.decoded = decoded
        self.credential = credential
        isNormalised = normalised != nil
        credentialID = normalised?.credentialID
        euElements = normalised?.euElements ?? EUElementSet()
        self.diagnostics = diagnostics
    }

    /// Whether the record is rejected: it has an error (or, with `rejectWarnings`, a warning), or
    /// it could not be decoded.
    public func isRejected(rejectWarnings: Bool) -> Bool {
        !isNormalised
            || diagnostics.contains { $0.severity == .error || (rejectWarnings && $0.severity == .warning) }
    }
}
