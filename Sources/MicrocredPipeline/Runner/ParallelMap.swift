import Dispatch
import Synchronization

/// Maps `items` with `transform` on up to `jobs` threads, keeping the order of `items`.
func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], jobs: Int, _ transform: @Sendable (Item) -> Result
) -> [Result] {
    let workers = min(max(jobs, 1), items.count)
    guard workers > 1 else { return items.map(transform) }
    let collected = Mutex<[(Int, Result)]>([])
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var local: [(Int, Result)] = []
        local.reserveCapacity(items.count / workers + 1)
        for index in stride(from: worker, to: items.count, by: workers) {
            local.append((index, transform(items[index])))
        }
        collected.withLock { $0.append(contentsOf: local) }
    }
    return collected.withLock { pairs in pairs.sorted { $0.0 < $1.0 }.map(\.1) }
}
