import ByteOutput

extension UInt8 {
    /// Whether the byte is XML white space (a space, tab or line break).
    @inlinable
    public var isXMLWhitespace: Bool {
        // One test: the bits of space, tab, line feed and carriage return.
        let whitespace: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D
        return self < 64 && whitespace & (1 << self) != 0
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes are only XML white space (spaces, tabs, line breaks).
    @inlinable
    public var isXMLWhitespace: Bool {
        for byte in self where !byte.isXMLWhitespace { return false }
        return true
    }
}

extension String {
    /// Whether the text holds only XML white space (spaces, tabs, line breaks), read from its
    /// stored bytes (stepping through `utf8` costs several times more per byte, and this is asked
    /// of every text of the indentation of every document compared).
    public var isXMLWhitespace: Bool {
        if let answer = utf8.withContiguousStorageIfAvailable({ $0.isXMLWhitespace }) { return answer }
        return utf8.allSatisfy(\.isXMLWhitespace)
    }
}

/// Finding the bytes of UTF-8 text that the markup writer cannot copy as they are — markup
/// characters (`<`, `>`, `&`, `"`), control characters (line breaks and tabs among them) and
/// `0xEF`, which begins U+FFFE and U+FFFF — eight at a time.
enum XMLTextBytes {
    /// The offset of the first special byte in `bytes` at or after `start`, or `bytes.count`.
    @inline(__always)
    static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteClassScan.first(in: bytes, from: start, plain: UInt8(ascii: "A"), isMember: isSpecial, marks: specialLanes)
    }

    /// The offset of the first special or non-ASCII byte in `bytes` at or after `start`, or
    /// `bytes.count`.
    @inline(__always)
    static func firstSpecialOrNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteClassScan.first(in: bytes, from: start, plain: UInt8(ascii: "A"), isMember: { isSpecial($0) || $0 >= 0x80 }) { word in
            specialLanes(in: word) | ByteClassScan.nonASCIILanes(in: word)
        }
    }

    /// The lanes of the special bytes in `word` (as ``ByteClassScan`` marks them).
    @inline(__always)
    private static func specialLanes(in word: UInt64) -> UInt64 {
        // `"` and `&` differ only in bit 2, `<` and `>` only in bit 1: setting that bit finds
        // both with one comparison.
        ByteClassScan.lanes(below: 0x20, in: word)
            | ByteClassScan.lanes(equalTo: UInt8(ascii: "&"), in: word | ByteClassScan.word(repeating: 0x04))
            | ByteClassScan.lanes(equalTo: UInt8(ascii: ">"), in: word | ByteClassScan.word(repeating: 0x02))
            | ByteClassScan.lanes(equalTo: 0xEF, in: word)
    }

    /// Whether `byte` is special.
    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), 0xEF: true
        default: false
        }
    }
}
