public import MicrocredModel

/// Turns model credentials into the bytes of one format. Must be safe to call from several
/// threads at once: encoding runs in parallel, and the runner writes the pieces in order.
///
/// A batch stream is `header`, then each record's bytes separated by `separator`, then
/// `footer`. With `--split`, each record is encoded as a standalone document into its own file.
public protocol RecordWriter: Sendable {
    /// Bytes before the first record of a batch stream.
    var header: [UInt8] { get }
    /// Bytes between two records of a batch stream.
    var separator: [UInt8] { get }
    /// Bytes after the last record of a batch stream (also written for an empty batch).
    var footer: [UInt8] { get }
    /// The file name extension for standalone documents (`json`, `xml`, `png`).
    var documentExtension: String { get }

    /// Encodes one credential.
    /// - Parameters:
    ///   - credential: a normalised credential that passed validation.
    ///   - standalone: whether the bytes form a whole document (`--split`) or a piece of the batch
    ///     stream.
    /// - Throws: ``RecordRejection`` when the credential cannot be written in this format;
    ///   nothing is written for it and it is counted as rejected.
    func encode(_ credential: Credential, standalone: Bool) throws(RecordRejection) -> EncodedRecord
}

/// One credential's bytes and what the writer found while writing them.
public struct EncodedRecord: Sendable {
    public var bytes: [UInt8]
    /// Notes and warnings (a field the format has no slot for, a value adjusted to fit).
    public var diagnostics: [Diagnostic]

    public init(bytes: [UInt8], diagnostics: [Diagnostic] = []) {
        self.bytes = bytes
        self.diagnostics = diagnostics
    }
}

/// A credential the writer cannot express, with every reason.
public struct RecordRejection: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
