/// One record as the scanner split it: its cells, where each starts, its text and what was wrong
/// with it.
struct ScannedRecord: Sendable {
    /// A problem found while splitting, at a byte offset within ``bytes``.
    enum Problem: Sendable, Equatable {
        /// A quoted field is never closed; the record was cut at the end of the line the quote
        /// opened on and reading went on with the next line.
        case unterminatedQuote(offset: Int, recordLimitReached: Bool)
        /// Characters follow the closing quote of a quoted field.
        case textAfterQuote(offset: Int)
        /// Bytes that are not text in the input's encoding.
        case undecodable(offset: Int, bytes: [UInt8])
        /// A line longer than the record size limit; its bytes were skipped.
        case tooLarge(limit: Int)
    }

    /// The 1-based line the record starts on.
    var line: Int
    /// The cells, unquoted.
    var cells: [String]
    /// The byte offset in ``bytes`` where each cell starts (its opening quote, if quoted).
    var cellOffsets: [Int]
    /// The record as read (decoded to UTF-8), without its line break. Kept as bytes: most records
    /// never need it as text, and making text of them would check every byte again.
    var bytes: [UInt8]
    var problems: [Problem]

    /// Whether the record holds nothing: a blank line or a line of empty cells (`;;;`).
    var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
}

extension ScannedRecord {
    /// The 1-based line and column of byte `offset` of a record's UTF-8 `bytes` that start on
    /// `line`: lines advance at each line break inside the record, and columns count Unicode
    /// scalars (the bytes that begin one).
    static func position(of offset: Int, in bytes: [UInt8], line: Int) -> (line: Int, column: Int) {
        var currentLine = line
        var column = 1
        var previousWasCR = false
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                if !previousWasCR { currentLine += 1 }
                column = 1
            } else if byte == 0x0D {
                currentLine += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            previousWasCR = byte == 0x0D
        }
        return (currentLine, column)
    }
}
