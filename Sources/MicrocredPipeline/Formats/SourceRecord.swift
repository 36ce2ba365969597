public import MicrocredModel

/// One record as split from an input, before it is decoded into the model.
///
/// Readers split sequentially; decoding, normalising, validating and encoding then run in
/// parallel, so a record carries the decoder that knows how to read it.
public struct SourceRecord: Sendable {
    /// Where the record is: file, line (where the format has lines), 1-based record index.
    public var location: SourceLocation
    /// The record as read, when the reader has it at hand (a JSON object); readers that would
    /// have to build it (a CSV row as an object, an XML fragment as a string) leave it `null` and
    /// their decoder makes it only when it is needed: see ``RecordDecoder/raw(of:)``.
    public var raw: JSONValue
    /// Problems found while splitting; an error among them rejects the record before decoding.
    public var problems: [Diagnostic]
    /// Decodes `raw` (or the reader's own representation) into the model.
    public var decoder: any RecordDecoder
    /// Format-specific data the decoder needs beyond `raw` (kept opaque to the pipeline).
    public var payload: (any Sendable)?

    public init(
        location: SourceLocation, raw: JSONValue, problems: [Diagnostic] = [], decoder: any RecordDecoder,
        payload: (any Sendable)? = nil
    ) {
        self.location = location
        self.raw = raw
        self.problems = problems
        self.decoder = decoder
        self.payload = payload
    }
}

/// The outcome of decoding one record.
public struct DecodedRecord: Sendable {
    /// The credential, or `nil` when the record could not be decoded at all.
    public var credential: Credential?
    /// What was found while decoding (notes on upgraded values, warnings, errors).
    public var diagnostics: [Diagnostic]

    public init(credential: Credential?, diagnostics: [Diagnostic] = []) {
        self.credential = credential
        self.diagnostics = diagnostics
    }
}

/// Turns split records of one format into model credentials. Must be safe to call from several
/// threads at once.
public protocol RecordDecoder: Sendable {
    /// Decodes `record`. Never throws: problems are diagnostics (an error one rejects the record).
    func decode(_ record: SourceRecord) -> DecodedRecord

    /// The record as read, for the rejects file and `inspect`.
    func raw(of record: SourceRecord) -> JSONValue
}

extension RecordDecoder {
    /// ``SourceRecord/raw``, as the reader made it.
    public func raw(of record: SourceRecord) -> JSONValue { record.raw }
}
