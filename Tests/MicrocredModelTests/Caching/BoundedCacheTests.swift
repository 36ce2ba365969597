import MicrocredModel
import Testing

@Suite struct BoundedCacheTests {
    /// A remembered key is answered without working it out again, until the cache has been
    /// emptied for being full.
    @Test func remembersUntilFull() {
        let cache = BoundedCache<Int, String>(capacity: 3)
        var made: [Int] = []
        func value(_ key: Int) -> String {
            cache.value(for: key) {
                made.append(key)
                return "v\(key)"
            }
        }
        #expect([1, 2, 1, 2, 3].map(value) == ["v1", "v2", "v1", "v2", "v3"])
        #expect(made == [1, 2, 3])
        #expect(value(4) == "v4", "full: emptied, then remembered")
        #expect(value(1) == "v1" && value(4) == "v4")
        #expect(made == [1, 2, 3, 4, 1])
    }
}
