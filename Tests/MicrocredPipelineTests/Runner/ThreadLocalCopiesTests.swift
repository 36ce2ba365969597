import Foundation
import Synchronization
import Testing

@testable import MicrocredPipeline

@Suite struct ThreadLocalCopiesTests {
    private final class Box: Sendable {
        let serial: Int
        init(_ serial: Int) { self.serial = serial }
    }

    /// Every thread gets one instance of its own, made on its first use, and the same one on
    /// every call.
    @Test func eachThreadKeepsItsOwnInstance() {
        let made = Mutex(1)
        let copies = ThreadLocalCopies(shared: Box(0)) { made.withLock { serial in defer { serial += 1 }; return Box(serial) } }
        let seen = Mutex<[[Int]]>([])
        let pool = WorkerPool(threads: 3)
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        for _ in 0..<3 {
            // Each piece of work waits until all three run, so that each runs on its own thread.
            pool.submit {
                started.signal()
                _ = release.wait(timeout: .now() + 10)
                let serials = (0..<20).map { _ in copies.value.serial }
                seen.withLock { $0.append(serials) }
            }
        }
        for _ in 0..<3 { _ = started.wait(timeout: .now() + 10) }
        for _ in 0..<3 { release.signal() }
        pool.finish()
        let runs = seen.withLock { $0 }
        #expect(runs.count == 3)
        for serials in runs { #expect(Set(serials).count == 1, "\(serials)") }
        #expect(Set(runs.map { $0[0] }) == [1, 2, 3])
        #expect(copies.count == 3)
    }
}
