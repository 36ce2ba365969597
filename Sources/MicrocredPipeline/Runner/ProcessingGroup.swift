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
/// Without a pool the group is processed at once, on the calling thread. With one, its records
/// are handed to the pool in runs of ``run`` neighbouring records, so that the caller can read
/// the next group and write the previous one meanwhile; ``outcomes()`` waits for them. Runs keep
/// neighbouring records, allocated next to each other, on one thread, so that their reference
/// counts do not bounce between cores.
final class ProcessingGroup: Sendable {
    /// A processed record or an input failure, in input order.
    enum Outcome {
        case record(ProcessedRecord)
        case inputFailure(Diagnostic)
    }

    /// How many neighbouring records a pool thread takes at a time.
    static let run = 8

    /// The processed runs, in input order, and how many are still being processed.
    private struct Runs {
        var processed: [[ProcessedRecord]]
        var remaining: Int
    }

    private let items: [BatchItem]
    private let runs: Mutex<Runs>
    private let finished = DispatchSemaphore(value: 0)

    init(_ items: [BatchItem], pool: WorkerPool?, process: @escaping @Sendable (SourceRecord) -> ProcessedRecord) {
        self.items = items
        let records = items.compactMap { if case .record(let record) = $0 { record } else { nil } }
        guard let pool, records.count > 1 else {
            runs = Mutex(Runs(processed: [records.map(process)], remaining: 0))
            finished.signal()
            return
        }
        let starts = Array(stride(from: 0, to: records.count, by: Self.run))
        runs = Mutex(Runs(processed: Array(repeating: [], count: starts.count), remaining: starts.count))
        for (index, start) in starts.enumerated() {
            pool.submit { [self] in
                let processed = records[start..<min(start + Self.run, records.count)].map(process)
                let done = runs.withLock { runs in
                    runs.processed[index] = processed
                    runs.remaining -= 1
                    return runs.remaining == 0
                }
                if done { finished.signal() }
            }
        }
    }

    /// Takes the group's outcomes, in input order, out of the group; waits until every record is
    /// processed. Taken once: the caller then owns, and frees, what the records hold, instead of
    /// whichever thread happens to let go of the group last.
    func takeOutcomes() -> [Outcome] {
        finished.wait()
        var records = runs.withLock { runs in
            defer { runs.processed = [] }
            return runs.processed
        }.joined().makeIterator()
        return items.compactMap { item in
            switch item {
            case .record: records.next().map(Outcome.record)
            case .inputFailure(let failure): .inputFailure(failure)
            }
        }
    }
}
