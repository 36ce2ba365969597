/// Lowercase hexadecimal digits, for the writers that spell bytes out as hex (JSON escapes,
/// digests, UUIDs).
public enum HexDigits {
    /// The ASCII byte of the lowercase hexadecimal digit for `nibble` (0...15).
    @inlinable @inline(__always)
    public static func lowercase(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ nibble &- 10
    }

    /// `prefix` followed by `bytes` as lowercase hex digits, with a hyphen before each byte whose
    /// offset is in `hyphens` (a UUID's are 4, 6, 8 and 10), spelled straight into the string's
    /// storage.
    @inlinable
    public static func text(
        of bytes: UnsafeRawBufferPointer, after prefix: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
        hyphensBefore hyphens: [Int] = []
    ) -> String {
        // The first 64 offsets as bits, so that each byte asks one bit instead of searching the list.
        var hyphenBits: UInt64 = 0
        for offset in hyphens where offset >= 0 && offset < 64 { hyphenBits |= 1 << offset }
        return String(unsafeUninitializedCapacity: prefix.count + 2 * bytes.count + hyphens.count) { text in
            var length = text.initialize(fromContentsOf: prefix)
            for offset in 0..<bytes.count {
                if offset < 64 ? hyphenBits & (1 << offset) != 0 : hyphens.contains(offset) {
                    text[length] = UInt8(ascii: "-")
                    length += 1
                }
                let byte = bytes[offset]
                text[length] = lowercase(byte >> 4)
                text[length + 1] = lowercase(byte & 0x0F)
                length += 2
            }
            return length
        }
    }
}
