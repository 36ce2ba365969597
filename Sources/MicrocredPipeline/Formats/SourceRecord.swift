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
    /// Why the input cannot be read from this record on, when its decoder parses it and finds it
    /// malformed (see ``FormatContext/parsesRecordsInDecoder``): then the record is not one, and
    /// its input ends here, with this failure, as if the reader had found it.
    public var inputFailure: Diagnostic?
    /// What the decoder parsed the record's ``SourceRecord/payload`` into, when the reader left
    /// parsing to it: put in the payload's place, so that the record as read
    /// (``RecordDecoder/raw(of:)``) is made from it without parsing the record again.
    public var parsedPayload: (any Sendable)?

    public init(credential: Credential?, diagnostics: [Diagnostic] = []) {
        self.credential = credential
        self.diagnostics = diagnostics
    }

    /// The outcome of a record that turns out to be where its input stops being readable.
    public init(inputFailure: Diagnostic) {
        credential = nil
        diagnostics = []
        self.inputFailure = inputFailure
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
