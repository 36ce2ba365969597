/// A vocabulary table that could not be loaded, with the file and line at fault.
public struct VocabularyLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file name, relative to the vocabulary folder (`countries.tsv`).
    public let file: String
    /// The 1-based line number, when the problem is on one line.
    public let line: Int?
    /// What is wrong.
    public let reason: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason`, or `file: reason` without a line.
    public var description: String {
        if let line { "\(file):\(line): \(reason)" } else { "\(file): \(reason)" }
    }
}
