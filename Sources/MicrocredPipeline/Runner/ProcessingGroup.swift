import Dispatch
import Synchronization

/// What a batch's inputs yield, in input order: records, and the failures of inputs that could
/// not be opened or read to the end; each with the position of its input in the batch.
enum BatchItem: Sendable {
    case record(SourceRecord, input: Int)
    /// A located failure of one input; the records read from it before are kept.
    case inputFailure(Diagnostic, input: Int)
}

/// A group of consecutive batch items whose records are on their way through decode → normalise
/// → validate → encode. A group may span several inputs, so that a folder of small files is
/// processed in parallel as well as one large file.
///
/// Without a pool the group is processed at once, on the calling thread. With one, its records
/// are handed to the pool in runs of ``run`` neighbouring records, so that the caller can read
/// the next group and write the previous one meanwhile; ``takeOutcomes(record:inputFailure:)``
/// waits for them, running the pool's waiting runs meanwhile. Runs keep neighbouring records,
/// allocated next to each other, on one thread, so that their reference counts do not bounce
/// between cores.
final class ProcessingGroup: Sendable {
    /// How many neighbouring records a pool thread takes at a time.
    static let run = 8

    /// The processed runs, in input order, how many are still being processed, and whether the
    /// outcomes were taken.
    private struct Runs {
        var processed: [[ProcessedRecord]]
        var remaining: Int
        var taken = false
    }

    private let items: [BatchItem]
    private let records: [SourceRecord]
    private let process: @Sendable (SourceRecord) -> ProcessedRecord
    private let pool: WorkerPool?
    private let runs: Mutex<Runs>
    private let finished = DispatchSemaphore(value: 0)

    init(_ items: [BatchItem], pool: WorkerPool?, process: @escaping @Sendable (SourceRecord) -> ProcessedRecord) {
        self.items = items
        records = items.compactMap { if case .record(let record, _) = $0 { record } else { nil } }
        self.process = process
        self.pool = pool
        guard let pool, records.count > 1 else {
            runs = Mutex(Runs(processed: [records.map(process)], remaining: 0))
            finished.signal()
            return
        }
        let starts = Array(stride(from: 0, to: records.count, by: Self.run))
        runs = Mutex(Runs(processed: Array(repeating: [], count: starts.count), remaining: starts.count))
        // The group outlives its runs (``takeOutcomes(record:inputFailure:)`` and `deinit` wait
        // for them), and a run must not own it: the thread that let go of it last would free the
        // records, which the reading thread allocated and should free itself.
        // The semaphore is held by each run, as it is still being signalled when the group goes.
        for (index, start) in starts.enumerated() {
            pool.submit { [unowned(unsafe) self, finished] in
                if processRun(index, from: start) { finished.signal() }
            }
        }
    }

    deinit {
        if !runs.withLock(\.taken) { finished.wait() }
    }

    /// Processes the records of run `index`, which starts at `start`.
    /// - Returns: Whether it was the last run to finish; the group is processed once
    ///   ``finished`` is signalled, and may be gone right after.
    private func processRun(_ index: Int, from start: Int) -> Bool {
        let processed = records[start..<min(start + Self.run, records.count)].map(process)
        return runs.withLock { runs in
            runs.processed[index] = processed
            runs.remaining -= 1
            return runs.remaining == 0
        }
    }

    /// Takes the group's outcomes out of the group and hands them over one by one, in input order:
    /// each processed record to `record`, each input failure to `inputFailure`, with the position
    /// of its input. Waits until every record is processed. Taken once: `record` then owns, and
    /// frees, what the records hold.
    func takeOutcomes(record: (consuming ProcessedRecord, _ input: Int) -> Void, inputFailure: (Diagnostic, _ input: Int) -> Void) {
        // The calling thread, the one that reads, processes runs (of this group or later ones)
        // rather than wait idle while it is ahead of the pool.
        if let pool {
            while runs.withLock({ $0.remaining > 0 }), pool.runWaitingWork() {}
        }
        finished.wait()
        // The records are moved out of their runs (last first, so each run is reversed once)
        // instead of copied: a copy retains everything a record holds.
        var processed = runs.withLock { runs in
            runs.taken = true
            return exchange(&runs.processed, with: [])
        }
        for index in processed.indices { processed[index].reverse() }
        var run = 0
        for index in items.indices {
            let input: Int
            switch items[index] {
            case .inputFailure(let failure, let failedInput):
                inputFailure(failure, failedInput)
                continue
            case .record(_, let recordInput):
                input = recordInput
            }
            while run < processed.count, processed[run].isEmpty { run += 1 }
            if run < processed.count, let next = processed[run].popLast() { record(consume next, input) }
        }
    }
}
