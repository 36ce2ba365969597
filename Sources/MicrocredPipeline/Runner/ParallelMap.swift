import Dispatch
import Synchronization

/// Maps `items` with `transform` on up to `jobs` threads, keeping the order of `items`.
func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], jobs: Int, _ transform: @Sendable (Item) -> Result
) -> [Result] {
    let workers = min(max(jobs, 1), items.count)
    guard workers > 1 else { return items.map(transform) }
    let collected = Mutex<[(Int, [Result])]>([])
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        // Contiguous slices: neighbouring records, allocated next to each other, stay on one
        // thread, so their reference counts do not bounce between cores.
        let slice = items.count * worker / workers..<items.count * (worker + 1) / workers
        let results = items[slice].map(transform)
        collected.withLock { $0.append((worker, results)) }
    }
    return collected.withLock { slices in slices.sorted { $0.0 < $1.0 }.flatMap(\.1) }
}
