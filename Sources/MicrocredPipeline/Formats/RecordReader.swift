/// Splits one input into records, one at a time (pull-based, so memory stays flat).
///
/// A reader owns its ``ByteSource`` and is used from one thread. Recoverable problems (a ragged
/// CSV row, one malformed JSON line) travel with the record as ``SourceRecord/problems``; an
/// input that cannot be read further (truncated XML, undecodable bytes with no way to
/// resynchronise) is thrown, which ends that input but not the batch.
public protocol RecordReader: AnyObject {
    /// The next record, or `nil` at the end of the input.
    /// - Throws: ``Diagnostic`` describing why the rest of the input cannot be read.
    func next() throws(Diagnostic) -> SourceRecord?

    /// How many bytes of its input the reader has taken so far, records not yet returned
    /// included; the runner bounds by it how much input is in memory at once.
    var bytesRead: Int { get }
}
