/// The single-byte Western European encodings: each byte is one character.
struct SingleByteCodec: Sendable {
    /// The scalar for each byte value; `nil` for a byte the encoding leaves undefined.
    let scalars: [UInt32?]

    /// The codec for `encoding`, or `nil` for a multi-byte encoding.
    init?(_ encoding: CSVTextEncoding) {
        var table: [UInt32?] = (0..<256).map { UInt32($0) }
        switch encoding {
        case .iso8859_1:
            break
        case .iso8859_15:
            for (byte, scalar) in Self.latin9Differences { table[byte] = scalar }
        case .windows1252:
            for (offset, scalar) in Self.windows1252High.enumerated() { table[0x80 + offset] = scalar }
        case .utf8, .utf16LittleEndian, .utf16BigEndian:
            return nil
        }
        scalars = table
    }

    /// Windows-1252 bytes 0x80–0x9F (five are undefined).
    private static let windows1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    /// Where ISO-8859-15 differs from ISO-8859-1.
    private static let latin9Differences: [(Int, UInt32)] = [
        (0xA4, 0x20AC), (0xA6, 0x0160), (0xA8, 0x0161), (0xB4, 0x017D), (0xB8, 0x017E), (0xBC, 0x0152), (0xBD, 0x0153),
        (0xBE, 0x0178),
    ]

    /// The bytes of `text` in this encoding, or `nil` if a character has no byte here.
    func encode(_ text: String) -> [UInt8]? {
        var reverse: [UInt32: UInt8] = [:]
        for (byte, scalar) in scalars.enumerated() {
            if let scalar { reverse[scalar] = UInt8(byte) }
        }
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard let byte = reverse[scalar.value] else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
