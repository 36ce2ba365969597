/// Lowercase hexadecimal digits, for the writers that spell bytes out as hex (JSON escapes,
/// digests, UUIDs).
public enum HexDigits {
    /// The ASCII byte of the lowercase hexadecimal digit for `nibble` (0...15).
    @inlinable @inline(__always)
    public static func lowercase(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ nibble &- 10
    }

    /// `prefix` followed by `bytes` as lowercase hex digits, with a hyphen before each byte whose
    /// offset is in `hyphens` (a UUID's are 4, 6, 8 and 10), spelled in a stack buffer.
    @inlinable
    public static func text(
        of bytes: UnsafeRawBufferPointer, after prefix: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
        hyphensBefore hyphens: [Int] = []
    ) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: prefix.count + 2 * bytes.count + hyphens.count) { text in
            var length = text.initialize(fromContentsOf: prefix)
            for (offset, byte) in bytes.enumerated() {
                if hyphens.contains(offset) {
                    text[length] = UInt8(ascii: "-")
                    length += 1
                }
                text[length] = lowercase(byte >> 4)
                text[length + 1] = lowercase(byte & 0x0F)
                length += 2
            }
            return String(decoding: UnsafeBufferPointer(rebasing: text[..<length]), as: UTF8.self)
        }
    }
}
