/// Finding the bytes of UTF-8 text that the serializer cannot copy as they are — markup
/// characters (`<`, `>`, `&`, `"`), control characters (line breaks and tabs among them) and
/// `0xEF`, which begins U+FFFE and U+FFFF — eight at a time.
enum XMLTextBytes {
    /// Whether `byte` ends a run of bytes copied as they are.
    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == 0xEF
    }

    /// The offset of the first special byte in `bytes` at or after `start`, or `bytes.count`.
    static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        while bytes.count - index >= 8, !hasSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
            index += 8
        }
        while index < bytes.count, !isSpecial(base[index]) { index += 1 }
        return index
    }

    /// Whether any of the eight bytes in `word` is special (the "has a byte less than n" and "has
    /// a zero byte" bit tricks; exact about whether one exists).
    @inline(__always)
    static func hasSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasByte(_ value: UInt64) -> UInt64 {
            let difference = word ^ (ones &* value)
            return (difference &- ones) & ~difference & highs
        }
        let control = (word &- ones &* 0x20) & ~word & highs
        return control | hasByte(0x3C) | hasByte(0x3E) | hasByte(0x26) | hasByte(0x22) | hasByte(0xEF) != 0
    }
}
