/// Lowercase hexadecimal digits, for the writers that spell bytes out as hex (JSON escapes,
/// digests, UUIDs).
public enum HexDigits {
    /// The ASCII byte of the lowercase hexadecimal digit for `nibble` (0...15).
    @inlinable @inline(__always)
    public static func lowercase(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ nibble &- 10
    }
}
