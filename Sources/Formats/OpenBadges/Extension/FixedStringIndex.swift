/// The position of a string in a small fixed list, found without hashing: the list's strings are
/// bucketed by shape (UTF-8 length, first and last byte), so most other strings are ruled out by
/// one table lookup and the rest are compared only with the few strings of their shape.
struct FixedStringIndex: Sendable {
    private var buckets: [[(text: String, position: Int)]] = Array(repeating: [], count: 4096)

    /// Indexes `strings`; the position of each is its offset in the list.
    init(_ strings: [String]) {
        for (position, text) in strings.enumerated() {
            buckets[Self.shape(text)].append((text, position))
        }
    }

    /// The position of `text` in the list, or `nil` when it is not in it.
    func position(of text: String) -> Int? {
        for candidate in buckets[Self.shape(text)] where candidate.text == text { return candidate.position }
        return nil
    }

    /// 12 bits: the low 4 bits of the UTF-8 length, of the first byte and of the last byte.
    private static func shape(_ text: String) -> Int {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return 0 }
        return (utf8.count & 15) << 8 | Int(first & 15) << 4 | Int(last & 15)
    }
}
