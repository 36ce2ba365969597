/// A quick, hash-free pre-test for membership in a fixed set of strings: it remembers the shape
/// (length, first and last byte) of each member, so a string of another shape is known not to
/// be a member. A string that passes may or may not be one; ask the set.
struct StringShapeFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    init(_ members: some Sequence<String>) {
        for member in members {
            let shape = Self.shape(member)
            bits[shape >> 6] |= 1 << UInt64(shape & 63)
        }
    }

    /// Whether `text` has the shape of a member (when `false`, it is surely not one).
    func mayContain(_ text: String) -> Bool {
        let shape = Self.shape(text)
        return bits[shape >> 6] & (1 << UInt64(shape & 63)) != 0
    }

    /// 12 bits: the low 4 bits of the UTF-8 length, of the first byte and of the last byte.
    private static func shape(_ text: String) -> Int {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return 0 }
        return (utf8.count & 15) << 8 | Int(first & 15) << 4 | Int(last & 15)
    }
}
