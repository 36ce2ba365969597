/// Everything the pipeline knows about one format: its id, how to recognise it, how to make its
/// reader and writer, what it requires of a record to write it.
///
/// A format is one folder and one descriptor; the core never names a format.
public struct FormatDescriptor: Sendable {
    /// The id used on the command line (`csv`, `elm-xml`, `ob3`, `ob2`, `model`).
    public var id: String
    public var displayName: String
    /// File name extensions (lowercase, no dot) that select this format; the first is preferred.
    public var fileExtensions: [String]
    /// Read and write options.
    public var options: [FormatOption]
    /// How confident the format is that a sample of an input's first bytes is its own.
    public var sniff: @Sendable (ArraySlice<UInt8>) -> SniffResult
    /// Makes a reader for one input, or `nil` when the format is write-only.
    public var makeReader: (@Sendable (ByteSource, FormatContext) throws(Diagnostic) -> any RecordReader)?
    /// Makes the writer for a run, or `nil` when the format is read-only.
    public var makeWriter: (@Sendable (FormatContext) throws(Diagnostic) -> any RecordWriter)?
    /// Rules a record must pass to be written in this format, added to every profile.
    public var writeRules: [any ValidationRule]

    public init(
        id: String, displayName: String, fileExtensions: [String], options: [FormatOption] = [],
        sniff: @escaping @Sendable (ArraySlice<UInt8>) -> SniffResult,
        makeReader: (@Sendable (ByteSource, FormatContext) throws(Diagnostic) -> any RecordReader)?,
        makeWriter: (@Sendable (FormatContext) throws(Diagnostic) -> any RecordWriter)?,
        writeRules: [any ValidationRule] = []
    ) {
        self.id = id
        self.displayName = displayName
        self.fileExtensions = fileExtensions
        self.options = options
        self.sniff = sniff
        self.makeReader = makeReader
        self.makeWriter = makeWriter
        self.writeRules = writeRules
    }

    /// Whether the format can be read.
    public var canRead: Bool { makeReader != nil }
    /// Whether the format can be written.
    public var canWrite: Bool { makeWriter != nil }
}

/// A format's verdict on a sample of an input's first bytes.
public enum SniffResult: Int, Sendable, Comparable {
    case no = 0
    /// Possible but not distinctive (any JSON object could be several formats).
    case maybe = 1
    /// Distinctive markers found.
    case yes = 2

    public static func < (lhs: SniffResult, rhs: SniffResult) -> Bool { lhs.rawValue < rhs.rawValue }
}
