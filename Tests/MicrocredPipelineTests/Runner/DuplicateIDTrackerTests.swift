import MicrocredTestSupport
import Testing

@testable import MicrocredPipeline

@Suite struct DuplicateIDTrackerTests {
    /// A tracker that spills every 64 digests, compared with a plain set of the ids over a random
    /// stream in which about one id in five repeats an earlier one (recent or long spilled).
    @Test(arguments: [1, 2, 3])
    func agreesWithASetWhileSpillingToDisk(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let tracker = DuplicateIDTracker(recentCapacity: 64)
        var reference: Set<String> = []
        var issued: [String] = []
        var duplicatesFound = 0
        for index in 0..<5_000 {
            let id =
                issued.isEmpty || Int.random(in: 0..<5, using: &random) > 0
                ? "urn:uuid:\(index)-\(UInt32.random(in: 0...UInt32.max, using: &random))"
                : issued[Int.random(in: 0..<issued.count, using: &random)]
            issued.append(id)
            let isNew = reference.insert(id).inserted
            #expect(tracker.insert(id) == isNew, "id \(id) at \(index)")
            if !isNew { duplicatesFound += 1 }
        }
        #expect(duplicatesFound > 500)
    }

    @Test func findsADuplicateOfTheVeryFirstIdAfterManySpills() {
        let tracker = DuplicateIDTracker(recentCapacity: 16)
        #expect(tracker.insert("first"))
        for index in 0..<1_000 { #expect(tracker.insert("id-\(index)")) }
        #expect(!tracker.insert("first"))
        #expect(!tracker.insert("id-500"))
        #expect(tracker.insert("id-1000"))
    }

    @Test func bloomFilterNeverForgets() {
        var filter = BloomFilter()
        var random = SeededRandom(seed: 9)
        let digests = (0..<10_000).map { _ in UInt64.random(in: 0...UInt64.max, using: &random) }
        for digest in digests { filter.insert(digest) }
        #expect(digests.allSatisfy(filter.mightContain))
        let strangers = (0..<10_000).map { _ in UInt64.random(in: 0...UInt64.max, using: &random) }
        #expect(strangers.filter(filter.mightContain).count < 5)
    }
}
