import Dispatch
import Synchronization

/// What a batch's inputs yield, in input order: records, and the failures of inputs that could
/// not be opened or read to the end.
enum BatchItem: Sendable {
    case record(SourceRecord)
    /// A located failure of one input; the records read from it before are kept.
    case inputFailure(Diagnostic)
}

/// A group of consecutive batch items whose records are on their way through decode → normalise
/// → validate → encode. A group may span several inputs, so that a folder of small files is
/// processed in parallel as well as one large file.
///
/// With one job the group is processed at once, on the calling thread. With several, it is
/// processed in the background on `jobs` threads, so that the caller can read the next group and
/// write the previous one meanwhile; ``outcomes()`` waits for it.
final class ProcessingGroup: Sendable {
    /// A processed record or an input failure, in input order.
    enum Outcome {
        case record(ProcessedRecord)
        case inputFailure(Diagnostic)
    }

    private let items: [BatchItem]
    private let processed = Mutex<[ProcessedRecord]?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    init(_ items: [BatchItem], jobs: Int, process: @escaping @Sendable (SourceRecord) -> ProcessedRecord) {
        self.items = items
        let records = items.compactMap { if case .record(let record) = $0 { record } else { nil } }
        guard jobs > 1, records.count > 1 else {
            processed.withLock { $0 = records.map(process) }
            finished.signal()
            return
        }
        DispatchQueue.global().async { [self] in
            let results = parallelMap(records, jobs: jobs, process)
            processed.withLock { $0 = results }
            finished.signal()
        }
    }

    /// The group's outcomes in input order; waits until every record is processed.
    func outcomes() -> [Outcome] {
        finished.wait()
        finished.signal()
        var records = processed.withLock { $0 ?? [] }.makeIterator()
        return items.compactMap { item in
            switch item {
            case .record: records.next().map(Outcome.record)
            case .inputFailure(let failure): .inputFailure(failure)
            }
        }
    }
}
