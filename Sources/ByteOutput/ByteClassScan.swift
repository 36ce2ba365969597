/// Finding the first byte of a class (the bytes a serializer or scanner must stop at) eight bytes
/// at a time, for classes whose members a few bit operations on a word can mark.
///
/// A class is given by its `marks` function: for a word of eight bytes (the first in the lowest
/// bits), a word with the high bit set in the lane of each member, where lanes above a member may
/// be marked too but the lowest mark is always the first member (what the classic "has a zero
/// byte" and "has a byte less than n" tricks give, see ``lanes(equalTo:in:)`` and
/// ``lanes(below:in:)``).
public enum ByteClassScan {
    /// The offset of the first byte of the class at or after `start` in `bytes`, or
    /// `bytes.count`. The last bytes are looked at as one word too: the last eight, with those
    /// before `start` or already looked at replaced by `plain` (a byte outside the class). Only
    /// text shorter than a word is looked at byte by byte, with `isMember`.
    @inlinable @inline(__always)
    public static func first(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, plain: UInt8, isMember: (UInt8) -> Bool,
        marks: (UInt64) -> UInt64
    ) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let count = bytes.count
        var index = start
        while count - index >= 8 {
            let found = marks(word(at: base + index))
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        guard index < count else { return count }
        guard count >= 8 else {
            while index < count, !isMember(base[index]) { index += 1 }
            return index
        }
        let kept = ~UInt64(0) << UInt64((index - (count - 8)) * 8)
        let found = marks((word(at: base + count - 8) & kept) | (word(repeating: plain) & ~kept))
        return found == 0 ? count : count - 8 + found.trailingZeroBitCount >> 3
    }

    /// The last `byte` in the bytes from `base` up to (not including) `end`, looked for eight bytes
    /// at a time; `nil` when there is none.
    @inlinable
    public static func last(_ byte: UInt8, before end: UnsafePointer<UInt8>, from base: UnsafePointer<UInt8>)
        -> UnsafePointer<UInt8>?
    {
        var end = end
        while end - base >= 8 {
            let marks = exactLanes(equalTo: byte, in: word(at: end - 8))
            if marks != 0 { return end - 8 + (63 - marks.leadingZeroBitCount) / 8 }
            end -= 8
        }
        while end > base {
            end -= 1
            if end.pointee == byte { return end }
        }
        return nil
    }

    /// The eight bytes at `pointer`, the first in the lowest bits.
    @inlinable @inline(__always)
    public static func word(at pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// `byte` in every lane of a word.
    @inlinable @inline(__always)
    public static func word(repeating byte: UInt8) -> UInt64 {
        ones &* UInt64(byte)
    }

    /// Marks for the lanes of `word` equal to `byte`.
    @inlinable @inline(__always)
    public static func lanes(equalTo byte: UInt8, in word: UInt64) -> UInt64 {
        let difference = word ^ Self.word(repeating: byte)
        return (difference &- ones) & ~difference & highs
    }

    /// Marks for exactly the lanes of `word` equal to `byte` and no others (so that the highest
    /// mark is the last such byte, and the marks can be counted).
    @inlinable @inline(__always)
    public static func exactLanes(equalTo byte: UInt8, in word: UInt64) -> UInt64 {
        let difference = word ^ Self.word(repeating: byte)
        return ~(((difference & ~highs) &+ ~highs) | difference | ~highs)
    }

    /// Marks for exactly the lanes of `word` that continue a UTF-8 sequence (10xxxxxx).
    @inlinable @inline(__always)
    public static func continuationLanes(in word: UInt64) -> UInt64 {
        word & ~(word << 1) & highs
    }

    /// Marks for the lanes of `word` below `bound` (at most 0x80).
    @inlinable @inline(__always)
    public static func lanes(below bound: UInt8, in word: UInt64) -> UInt64 {
        (word &- Self.word(repeating: bound)) & ~word & highs
    }

    /// Marks for the lanes of `word` that are not ASCII.
    @inlinable @inline(__always)
    public static func nonASCIILanes(in word: UInt64) -> UInt64 {
        word & highs
    }

    /// A one in every lane.
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    /// The high bit of every lane.
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080
}
