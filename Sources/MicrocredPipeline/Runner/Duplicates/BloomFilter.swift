/// A fixed-size Bloom filter over 64-bit digests: `mightContain` is never wrong when it says no.
///
/// 2^26 bits (8 MiB) and four probes: about one false "maybe" in 90,000 lookups after a million
/// digests, one in 20 after ten million.
struct BloomFilter {
    private static let bitCountLog2 = 26
    private var words = [UInt64](repeating: 0, count: (1 << bitCountLog2) / 64)

    /// Adds `digest`.
    mutating func insert(_ digest: UInt64) {
        let (first, step) = Self.probe(digest)
        for index in 0..<Self.probes {
            let bit = Self.bit(first, step, index)
            words[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// Whether `digest` may have been added (`false`: it certainly was not).
    func mightContain(_ digest: UInt64) -> Bool {
        let (first, step) = Self.probe(digest)
        for index in 0..<Self.probes {
            let bit = Self.bit(first, step, index)
            if words[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
        }
        return true
    }

    private static let probes = 4

    /// Double hashing over the two halves of `digest`, remixed so that digests differing in few
    /// bits spread apart.
    private static func probe(_ digest: UInt64) -> (first: UInt64, step: UInt64) {
        var mixed = digest
        mixed ^= mixed >> 33
        mixed = mixed &* 0xff51_afd7_ed55_8ccd
        mixed ^= mixed >> 33
        return (mixed & 0xFFFF_FFFF, (mixed >> 32) | 1)
    }

    /// The `index`th bit position of a probe sequence.
    private static func bit(_ first: UInt64, _ step: UInt64, _ index: Int) -> Int {
        Int((first &+ UInt64(index) &* step) & ((1 << UInt64(bitCountLog2)) - 1))
    }
}
