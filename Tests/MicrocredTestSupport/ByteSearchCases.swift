public import Testing

/// Cases for searches that find the first byte of a class in text: byte strings of every length
/// up to 40 (shorter and longer than a word, ending anywhere in one), mixing members of the class
/// with bytes near them in shares from none to half, each searched from every start.
public struct ByteSearchCases: Sequence {
    /// The generated strings.
    public let texts: [[UInt8]]

    /// `count` strings from `seed`, of `members` and `others`.
    public init(seed: UInt64, count: Int = 4000, members: [UInt8], others: [UInt8]) {
        var random = SeededRandom(seed: seed)
        texts = (0..<count).map { _ in
            let length = Int.random(in: 0...40, using: &random)
            let share = random.pick([0.0, 0.02, 0.1, 0.5])
            return (0..<length).map { _ in random.chance(share) ? random.pick(members) : random.pick(others) }
        }
    }

    /// Expects `search` to find, in every string from every start, the offset `reference` gives
    /// (the first member at or after the start, or the string's length).
    public func expectAgreement(
        _ search: (UnsafeBufferPointer<UInt8>, Int) -> Int, reference: ([UInt8], Int) -> Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var checked = 0
        for (bytes, start) in self {
            let found = bytes.withUnsafeBufferPointer { search($0, start) }
            #expect(found == reference(bytes, start), "\(bytes) from \(start)", sourceLocation: sourceLocation)
            checked += 1
        }
        #expect(checked > texts.count * 10, sourceLocation: sourceLocation)
    }

    /// Each string with each start from 0 to its length.
    public func makeIterator() -> some IteratorProtocol<(bytes: [UInt8], start: Int)> {
        texts.lazy.flatMap { bytes in (0...bytes.count).lazy.map { (bytes: bytes, start: $0) } }.makeIterator()
    }
}
