import ByteOutput
import MicrocredTestSupport
import Testing

@Suite struct ByteComparisonTests {
    /// Runs of every length up to a few words: equal to a copy, and unequal to it with any one
    /// byte changed or with one byte more or less.
    @Test func findsEveryDifference() {
        var random = SeededRandom(seed: 21)
        for count in 0..<40 {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            let copy = bytes
            #expect(Self.equal(bytes, copy), "\(count) bytes")
            for position in 0..<count {
                var changed = copy
                changed[position] ^= UInt8.random(in: 1...255, using: &random)
                #expect(!Self.equal(bytes, changed), "\(count) bytes, changed at \(position)")
            }
            #expect(!Self.equal(bytes, copy + [0]))
            if count > 0 { #expect(!Self.equal(bytes, Array(copy.dropLast()))) }
        }
    }

    private static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.withUnsafeBufferPointer { left in rhs.withUnsafeBufferPointer { right in ByteComparison.equal(left, right) } }
    }
}
