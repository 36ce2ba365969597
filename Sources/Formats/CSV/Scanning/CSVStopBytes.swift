import ByteOutput

/// Finding, eight bytes at a time, where a field's bytes stop being plain: at the delimiter or a
/// line break outside quotes, at the quote or a line break inside them.
struct CSVStopBytes {
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private let delimiter: UInt8
    private let quote: UInt8
    /// A byte that is none of the four, to fill the lanes of a last word that are not looked at.
    private let plain: UInt8

    init(delimiter: UInt8, quote: UInt8) {
        self.delimiter = delimiter
        self.quote = quote
        plain = (UInt8(ascii: "A")...UInt8(ascii: "D")).first { $0 != delimiter && $0 != quote }!
    }

    /// The offset of the first delimiter, CR or LF in `bytes` at or after `start`, or
    /// `bytes.count`: the end of an unquoted field.
    @inline(__always)
    func fieldEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let delimiter = self.delimiter
        return ByteClassScan.first(in: bytes, from: start, plain: plain, isMember: { $0 == delimiter || Self.isLineBreak($0) }) {
            ByteClassScan.lanes(equalTo: delimiter, in: $0) | Self.lineBreakLanes(in: $0)
        }
    }

    /// The offset of the first quote, CR or LF in `bytes` at or after `start`, or `bytes.count`:
    /// where the content of a quoted field needs a look.
    @inline(__always)
    func quotedStop(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let quote = self.quote
        return ByteClassScan.first(in: bytes, from: start, plain: plain, isMember: { $0 == quote || Self.isLineBreak($0) }) {
            ByteClassScan.lanes(equalTo: quote, in: $0) | Self.lineBreakLanes(in: $0)
        }
    }

    @inline(__always)
    private static func isLineBreak(_ byte: UInt8) -> Bool {
        byte == lineFeed || byte == carriageReturn
    }

    @inline(__always)
    private static func lineBreakLanes(in word: UInt64) -> UInt64 {
        ByteClassScan.lanes(equalTo: lineFeed, in: word) | ByteClassScan.lanes(equalTo: carriageReturn, in: word)
    }
}
