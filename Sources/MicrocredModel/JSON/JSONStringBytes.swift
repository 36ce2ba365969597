/// Finding the bytes that end a run of plain characters inside a JSON string — `"`, `\` and the
/// control characters — eight at a time, for the scanners and the serializer.
public enum JSONStringBytes {
    /// Whether `byte` ends a run of plain string bytes.
    @inlinable @inline(__always)
    public static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The offset of the first special byte in `bytes` at or after `start`, or `bytes.count`.
    /// Plain runs are skipped a word at a time, the last bytes included (as the last word, with
    /// the bytes already looked at made plain); only text shorter than a word goes byte by byte.
    @inlinable @inline(__always)
    public static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let count = bytes.count
        var index = start
        while count - index >= 8 {
            let marks = specialMarks(word(at: base + index))
            if marks != 0 { return index + marks.trailingZeroBitCount >> 3 }
            index += 8
        }
        guard index < count else { return count }
        guard count >= 8 else {
            while index < count, !isSpecial(base[index]) { index += 1 }
            return index
        }
        let lookedAt = 8 - (count - index)
        let kept = ~UInt64(0) << UInt64(lookedAt * 8)
        let marks = specialMarks((word(at: base + count - 8) & kept) | (plainWord & ~kept))
        return marks == 0 ? count : count - 8 + marks.trailingZeroBitCount >> 3
    }

    /// The eight bytes at `pointer`, the first in the lowest bits.
    @inlinable @inline(__always)
    static func word(at pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// Eight plain bytes (`A`).
    @usableFromInline static let plainWord: UInt64 = 0x4141_4141_4141_4141

    /// The high bit of the lane of each special byte in `word` (the first byte in the lowest
    /// lane), by the classic "has a byte less than n" and "has a zero byte" bit tricks. Lanes
    /// above a special byte may be marked too, but the lowest mark is always the first special
    /// byte, which is all the callers use.
    @inlinable @inline(__always)
    public static func specialMarks(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        return control | ((quotes &- ones) & ~quotes & highs) | ((backslashes &- ones) & ~backslashes & highs)
    }
}
