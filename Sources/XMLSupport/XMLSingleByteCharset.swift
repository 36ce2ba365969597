/// A single-byte encoding that ``XMLSourceEncoding`` converts: US-ASCII, ISO-8859-1 (Latin-1),
/// ISO-8859-15 (Latin-9) or Windows-1252, with the bytes each leaves undefined (as the C
/// library's converters, which libxml2 uses, leave them).
struct XMLSingleByteCharset: Equatable, Sendable {
    /// The encoding's name in messages.
    let name: String
    /// The code point of each byte, or `nil` for a byte the encoding leaves undefined.
    private let scalars: [Unicode.Scalar?]

    private init(name: String, high: (UInt8) -> UInt32?) {
        self.name = name
        scalars = (0...255).map { byte in
            let value = byte < 0x80 ? UInt32(byte) : high(UInt8(byte))
            return value.flatMap(Unicode.Scalar.init)
        }
    }

    /// The character `byte` stands for, or `nil` when it stands for none.
    subscript(byte: UInt8) -> Unicode.Scalar? { scalars[Int(byte)] }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.name == rhs.name }

    /// The encoding of a name an XML declaration gives (any case, with the usual aliases), or
    /// `nil` for one that is not converted here.
    init?(named name: String) {
        switch name.lowercased() {
        case "us-ascii", "ascii", "iso646-us", "ansi_x3.4-1968": self = .usASCII
        case "iso-8859-1", "iso_8859-1", "iso8859-1", "latin1", "latin-1", "l1": self = .latin1
        case "iso-8859-15", "iso_8859-15", "iso8859-15", "latin9", "latin-9", "l9": self = .latin9
        case "windows-1252", "cp1252": self = .windows1252
        default: return nil
        }
    }

    static let usASCII = Self(name: "US-ASCII") { _ in nil }
    static let latin1 = Self(name: "ISO-8859-1") { UInt32($0) }
    static let latin9 = Self(name: "ISO-8859-15") { byte in latin9Differences[byte] ?? UInt32(byte) }
    static let windows1252 = Self(name: "windows-1252") { byte in
        byte >= 0xA0 ? UInt32(byte) : windows1252Controls[Int(byte - 0x80)]
    }

    /// Where ISO-8859-15 differs from ISO-8859-1.
    private static let latin9Differences: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
    ]

    /// Windows-1252's characters for 0x80 to 0x9F (ISO-8859-1's C1 controls there); five bytes
    /// stand for none.
    private static let windows1252Controls: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]
}
