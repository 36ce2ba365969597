import Dispatch
import Synchronization

/// Maps `items` with `transform` on up to `jobs` threads, keeping the order of `items`.
///
/// The threads take runs of ``parallelMapRun`` neighbouring items at a time until none are left,
/// so a thread that drew cheap items takes more of them and the threads finish together. Runs
/// keep neighbouring records, allocated next to each other, on one thread, so that their
/// reference counts do not bounce between cores.
func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], jobs: Int, _ transform: @Sendable (Item) -> Result
) -> [Result] {
    let workers = min(max(jobs, 1), items.count)
    guard workers > 1 else { return items.map(transform) }
    let nextRun = Atomic<Int>(0)
    let collected = Mutex<[(Int, [Result])]>([])
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        var results: [(Int, [Result])] = []
        while true {
            let start = nextRun.wrappingAdd(parallelMapRun, ordering: .relaxed).oldValue
            guard start < items.count else { break }
            results.append((start, items[start..<min(start + parallelMapRun, items.count)].map(transform)))
        }
        collected.withLock { $0.append(contentsOf: results) }
    }
    return collected.withLock { runs in runs.sorted { $0.0 < $1.0 }.flatMap(\.1) }
}

/// How many neighbouring items a thread of ``parallelMap(_:jobs:_:)`` takes at a time.
let parallelMapRun = 8
