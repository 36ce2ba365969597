import Dispatch

@testable import MicrocredPipeline

/// A pool of one thread, busy with a first piece of work until `release` is signalled (or ten
/// seconds have passed), so that what is submitted next waits in its queue.
func busyPool() -> (pool: WorkerPool, release: DispatchSemaphore) {
    let pool = WorkerPool(threads: 1)
    let started = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    pool.submit {
        started.signal()
        _ = release.wait(timeout: .now() + 10)
    }
    started.wait()
    return (pool, release)
}
