public import ByteOutput

/// Finding the bytes that end a run of plain characters inside a JSON string — `"`, `\` and the
/// control characters — eight at a time, for the scanners and the serializer.
public enum JSONStringBytes {
    /// Whether `byte` ends a run of plain string bytes.
    @inlinable @inline(__always)
    public static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Marks for the special bytes of `word` (see ``ByteClassScan``).
    @inlinable @inline(__always)
    public static func marks(_ word: UInt64) -> UInt64 {
        ByteClassScan.lanes(below: 0x20, in: word) | ByteClassScan.lanes(equalTo: UInt8(ascii: "\""), in: word)
            | ByteClassScan.lanes(equalTo: UInt8(ascii: "\\"), in: word)
    }

    /// The offset of the first special byte in `bytes` at or after `start`, or `bytes.count`.
    @inlinable @inline(__always)
    public static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteClassScan.first(in: bytes, from: start, plain: UInt8(ascii: "A"), isMember: isSpecial, marks: marks)
    }
}
