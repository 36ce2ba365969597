/// Where output bytes go. Writes may be buffered; nothing is final until ``commit()``.
public protocol ByteSink: AnyObject {
    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) throws(OutputError)
    /// Makes everything written final (renames a temporary file into place, flushes a stream).
    func commit() throws(OutputError)
    /// Abandons the output: a temporary file is removed and the destination left untouched.
    func discard()
}

/// Why output could not be written.
public struct OutputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write '\(path)': \(reason)" }

    /// The diagnostic for this error.
    public var diagnostic: Diagnostic {
        Diagnostic(
            code: "output.unwritable", severity: .error, message: description,
            hint: "check that the folder exists and is writable, and that the disk has space",
            location: SourceLocation(file: path))
    }
}
