/// A character encoding the CSV reader understands. Everything is transcoded to UTF-8 before it is
/// split into fields.
public enum CSVTextEncoding: String, CaseIterable, Sendable, Hashable {
    case utf8 = "utf-8"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
    /// Windows "ANSI" for Western European languages: what Excel's "CSV" (not "CSV UTF-8") writes.
    case windows1252 = "windows-1252"
    case iso8859_1 = "iso-8859-1"
    /// Latin-9: ISO-8859-1 with `€`, `Š`, `š`, `Ž`, `ž`, `Œ`, `œ`, `Ÿ`.
    case iso8859_15 = "iso-8859-15"

    /// The encoding named `name`: its canonical name or a common alias (`utf8`, `cp1252`, `ansi`,
    /// `latin1`, `latin9`, `utf-16` for little-endian), case-insensitive.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "utf8", "utf8bom", "utf8sig": self = .utf8
        case "utf16", "utf16le", "ucs2", "ucs2le": self = .utf16LittleEndian
        case "utf16be", "ucs2be": self = .utf16BigEndian
        case "windows1252", "cp1252", "win1252", "ansi", "ms1252": self = .windows1252
        case "iso88591", "latin1", "l1", "iso885911987": self = .iso8859_1
        case "iso885915", "latin9", "l9": self = .iso8859_15
        default: return nil
        }
    }

    /// The names accepted for the `encoding` option, for help texts.
    public static var optionSyntax: String { "auto|" + allCases.map(\.rawValue).joined(separator: "|") }

    /// What detection found at the start of an input.
    struct Detection: Equatable {
        var encoding: CSVTextEncoding
        /// The length of the byte order mark to skip.
        var byteOrderMarkLength: Int
        /// Whether the encoding was guessed from the content (no byte order mark, not valid UTF-8).
        var isGuess: Bool
    }

    /// The byte order mark at the start of `sample`, if any.
    static func byteOrderMark(in sample: ArraySlice<UInt8>) -> Detection? {
        let bytes = Array(sample.prefix(3))
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return Detection(encoding: .utf8, byteOrderMarkLength: 3, isGuess: false)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return Detection(encoding: .utf16LittleEndian, byteOrderMarkLength: 2, isGuess: false)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return Detection(encoding: .utf16BigEndian, byteOrderMarkLength: 2, isGuess: false)
        }
        return nil
    }

    /// Detects the encoding of an input from its first bytes: a byte order mark wins; then UTF-16
    /// without a mark (text where every other byte is zero); then UTF-8 if the sample is valid
    /// UTF-8; otherwise Windows-1252.
    /// - Parameters:
    ///   - sample: the first bytes of the input.
    ///   - isWholeInput: whether the sample is all of the input (so a sequence cut at its end is
    ///     an error rather than the end of the sample).
    static func detect(_ sample: ArraySlice<UInt8>, isWholeInput: Bool) -> Detection {
        if let mark = byteOrderMark(in: sample) { return mark }
        let bytes = Array(sample.prefix(4096))
        if bytes.count >= 4 {
            var zeroAtEven = 0
            var zeroAtOdd = 0
            for (index, byte) in bytes.enumerated() where byte == 0 {
                if index % 2 == 0 { zeroAtEven += 1 } else { zeroAtOdd += 1 }
            }
            let pairs = bytes.count / 2
            if zeroAtOdd * 10 >= pairs * 3, zeroAtEven * 10 < pairs {
                return Detection(encoding: .utf16LittleEndian, byteOrderMarkLength: 0, isGuess: true)
            }
            if zeroAtEven * 10 >= pairs * 3, zeroAtOdd * 10 < pairs {
                return Detection(encoding: .utf16BigEndian, byteOrderMarkLength: 0, isGuess: true)
            }
        }
        let verdict = sample.withUnsafeBufferPointer { UTF8Scan.firstProblem(in: $0, from: 0) }
        switch verdict.problem {
        case .none: return Detection(encoding: .utf8, byteOrderMarkLength: 0, isGuess: false)
        case .incomplete where !isWholeInput: return Detection(encoding: .utf8, byteOrderMarkLength: 0, isGuess: false)
        default: return Detection(encoding: .windows1252, byteOrderMarkLength: 0, isGuess: true)
        }
    }
}
