/// Finding the bytes that end a run of plain characters inside a JSON string — `"`, `\` and the
/// control characters — eight at a time, for the scanners and the serializer.
public enum JSONStringBytes {
    /// Whether `byte` ends a run of plain string bytes.
    @inlinable @inline(__always)
    public static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The offset of the first special byte in `bytes` at or after `start`, or `bytes.count`.
    /// Plain runs are skipped a word at a time.
    @inlinable
    public static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        while bytes.count - index >= 8, !hasSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
            index += 8
        }
        while index < bytes.count, !isSpecial(base[index]) { index += 1 }
        return index
    }

    /// Whether any of the eight bytes in `word` is special (the classic "has a byte less than n"
    /// and "has a zero byte" bit tricks; exact about whether one exists).
    @inlinable @inline(__always)
    public static func hasSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        return control | ((quotes &- ones) & ~quotes & highs) | ((backslashes &- ones) & ~backslashes & highs) != 0
    }
}
