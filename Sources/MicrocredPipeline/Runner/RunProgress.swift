/// How far a run has come, reported after each group of records.
public struct RunProgress: Sendable {
    public var recordsRead: Int
    public var recordsWritten: Int
    public var recordsRejected: Int
    /// The input being read.
    public var currentInput: String
}
