/// The position of a string in a small fixed list, found without hashing: the list's strings are
/// bucketed by shape (UTF-8 length and first byte, both of which a string has at hand), so most
/// other strings are ruled out by one table lookup and the rest are compared only with the few
/// strings of their shape.
///
/// Strings are matched code point by code point, as JSON member names and XML names are: a string
/// canonically equivalent to a listed one but spelled with other code points (a decomposed `é`)
/// is not found, although Swift's `==` would call them equal.
public struct FixedStringIndex: Sendable {
    @usableFromInline var buckets: [[(text: String, position: Int)]] = Array(repeating: [], count: 1024)

    /// Indexes `strings`; the position of each is its offset in the list.
    public init(_ strings: [String]) {
        for (position, text) in strings.enumerated() {
            buckets[Self.shape(text)].append((text, position))
        }
    }

    /// The position of `text` in the list, or `nil` when it is not in it.
    @inlinable @inline(__always)
    public func position(of text: String) -> Int? {
        for candidate in buckets[Self.shape(text)] where candidate.text == text { return candidate.position }
        return nil
    }

    /// 10 bits: the low 5 bits of the UTF-8 length and of the first byte.
    @inlinable
    static func shape(_ text: String) -> Int {
        let utf8 = text.utf8
        let count = utf8.count
        guard count > 0 else { return 0 }
        return (count & 31) << 5 | Int(utf8[utf8.startIndex] & 31)
    }
}
