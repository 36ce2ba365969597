import Dispatch
import Foundation
import Synchronization
import Testing

@testable import MicrocredPipeline

@Suite struct WorkerPoolTests {
    @Test func everyPieceOfWorkRunsOnceBeforeFinishReturns() {
        let pool = WorkerPool(threads: 3)
        let counts = Mutex([Int](repeating: 0, count: 500))
        for index in 0..<500 {
            pool.submit { counts.withLock { $0[index] += 1 } }
        }
        pool.finish()
        #expect(counts.withLock { $0 } == [Int](repeating: 1, count: 500))
    }

    @Test func itsThreadsRunWorkAtTheSameTime() {
        // Two pieces of work that each wait for the other can only both finish on two threads.
        let pool = WorkerPool(threads: 2)
        let first = DispatchSemaphore(value: 0)
        let second = DispatchSemaphore(value: 0)
        let met = Mutex(0)
        pool.submit {
            first.signal()
            if second.wait(timeout: .now() + 10) == .success { met.withLock { $0 += 1 } }
        }
        pool.submit {
            second.signal()
            if first.wait(timeout: .now() + 10) == .success { met.withLock { $0 += 1 } }
        }
        pool.finish()
        #expect(met.withLock { $0 } == 2)
    }

    @Test func workIsTakenInSubmissionOrder() {
        let pool = WorkerPool(threads: 1)
        let order = Mutex([Int]())
        for index in 0..<100 {
            pool.submit { order.withLock { $0.append(index) } }
        }
        pool.finish()
        #expect(order.withLock { $0 } == Array(0..<100))
    }

    @Test func theCallerRunsTheWorkThatWaitsLongestAndNoThreadRunsItAgain() {
        let (pool, release) = busyPool()
        let runs = Mutex([Int]())
        for index in 0..<3 {
            pool.submit { runs.withLock { $0.append(index) } }
        }
        #expect(pool.runWaitingWork())
        #expect(pool.runWaitingWork())
        #expect(runs.withLock { $0 } == [0, 1])
        release.signal()
        pool.finish()
        #expect(runs.withLock { $0 } == [0, 1, 2])
        #expect(!pool.runWaitingWork())
    }

    #if os(Linux)
    @Test func itsThreadsRunBelowTheCreatorsPriority() {
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        let own = getpriority(which, 0)
        let pool = WorkerPool(threads: 2)
        let seen = Mutex<[Int32]>([])
        for _ in 0..<2 {
            pool.submit { seen.withLock { $0.append(getpriority(which, 0)) } }
        }
        pool.finish()
        #expect(seen.withLock { $0 } == [Int32](repeating: min(own + WorkerPool.niceIncrement, 19), count: 2))
        #expect(getpriority(which, 0) == own)
    }
    #endif
}
