import Dispatch
import Foundation
import MicrocredModel
import Synchronization
import Testing

@testable import MicrocredPipeline

@Suite struct ProcessingGroupTests {
    /// `count` records, numbered from 1.
    private func items(_ count: Int) -> [BatchItem] {
        (1...count).map { .record(SourceRecord(location: SourceLocation(record: $0), raw: .null, decoder: ScriptDecoder()), input: 0) }
    }

    @Test func theThreadThatTakesTheOutcomesProcessesWaitingRunsWhileThePoolIsBusy() {
        let (pool, release) = busyPool()
        let caller = pthread_self()
        let processedByCaller = Mutex(0)
        let group = ProcessingGroup(items(20), pool: pool) { record in
            if pthread_equal(pthread_self(), caller) != 0 { processedByCaller.withLock { $0 += 1 } }
            return ProcessedRecord(source: record, decoded: nil, normalised: nil, credential: nil, diagnostics: [])
        }
        var order: [Int] = []
        group.takeOutcomes(record: { processed, _ in order.append(processed.location.record ?? 0) }, inputFailure: { _, _ in })
        release.signal()
        pool.finish()
        #expect(order == Array(1...20))
        #expect(processedByCaller.withLock { $0 } == 20)
    }

    @Test func runsArePooledAndHandedBackInOrder() {
        let pool = WorkerPool(threads: 2)
        let group = ProcessingGroup(items(100), pool: pool) { record in
            ProcessedRecord(source: record, decoded: nil, normalised: nil, credential: nil, diagnostics: [])
        }
        var order: [Int] = []
        group.takeOutcomes(record: { processed, _ in order.append(processed.location.record ?? 0) }, inputFailure: { _, _ in })
        pool.finish()
        #expect(order == Array(1...100))
    }
}
