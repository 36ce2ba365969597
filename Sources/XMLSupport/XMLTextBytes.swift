/// Finding the bytes of UTF-8 text that the serializer cannot copy as they are — markup
/// characters (`<`, `>`, `&`, `"`), control characters (line breaks and tabs among them) and
/// `0xEF`, which begins U+FFFE and U+FFFF.
enum XMLTextBytes {
    /// For each byte value, whether it ends a run of bytes copied as they are.
    private static let specials: [Bool] = (0...255).map { byte in
        byte < 0x20 || [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), 0xEF].contains(UInt8(byte))
    }

    /// The offset of the first special byte in `bytes` at or after `start`, or `bytes.count`.
    static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        specials.withUnsafeBufferPointer { specials in
            var index = start
            while index < bytes.count, !specials[Int(bytes[index])] { index += 1 }
            return index
        }
    }
}
