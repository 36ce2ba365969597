import Foundation
import Synchronization
import Testing

@testable import MicrocredPipeline

@Suite struct ThreadLocalCopiesTests {
    private final class Box: Sendable {
        let serial: Int
        init(_ serial: Int) { self.serial = serial }
    }

    /// Every thread gets one instance of its own and the same one on every call; the first
    /// thread to ask gets the instance given, the others copies made for them.
    @Test func eachThreadKeepsItsOwnInstance() {
        let made = Mutex(1)
        let copies = ThreadLocalCopies(Box(0)) { made.withLock { serial in defer { serial += 1 }; return Box(serial) } }
        #expect(copies.value.serial == 0)
        #expect(copies.value.serial == 0)
        let seen = Mutex<[ObjectIdentifier: Set<Int>]>([:])
        let pool = WorkerPool(threads: 3)
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        for _ in 0..<3 {
            // Each piece of work waits until all three run, so that each runs on its own thread.
            pool.submit {
                started.signal()
                _ = release.wait(timeout: .now() + 10)
                for _ in 0..<100 {
                    let box = copies.value
                    seen.withLock { _ = $0[ObjectIdentifier(box), default: []].insert(box.serial) }
                }
            }
        }
        for _ in 0..<3 { _ = started.wait(timeout: .now() + 10) }
        for _ in 0..<3 { release.signal() }
        pool.finish()
        let instances = seen.withLock { $0 }
        #expect(instances.count == 3)
        #expect(Set(instances.values.flatMap { $0 }) == [1, 2, 3])
        #expect(copies.count == 4)
    }
}
