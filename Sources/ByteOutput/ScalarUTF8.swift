/// The UTF-8 bytes of one Unicode scalar value, for the transcoders that convert other encodings
/// as they read.
public enum ScalarUTF8 {
    /// Calls `put` with each UTF-8 byte of `scalar` (a Unicode scalar value), in order.
    @inlinable @inline(__always)
    public static func encode(_ scalar: UInt32, _ put: (UInt8) -> Void) {
        switch scalar {
        case 0..<0x80:
            put(UInt8(scalar))
        case 0x80..<0x800:
            put(UInt8(0xC0 | (scalar >> 6)))
            put(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            put(UInt8(0xE0 | (scalar >> 12)))
            put(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            put(UInt8(0x80 | (scalar & 0x3F)))
        default:
            put(UInt8(0xF0 | (scalar >> 18)))
            put(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            put(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            put(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
