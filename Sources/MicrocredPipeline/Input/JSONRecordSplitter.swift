import MicrocredModel

/// Splits a JSON input into its records without parsing them: one object, a top-level array
/// (streamed element by element), JSON Lines, or concatenated values.
///
/// Memory is bounded by the largest single record, not the input. Each record comes with the
/// line it starts on so decoders can report locations.
public final class JSONRecordSplitter {
    /// One record's bytes and where it starts.
    public struct Piece: Sendable {
        public var bytes: [UInt8]
        /// The 1-based line the record starts on.
        public var line: Int
    }

    /// The largest record accepted by default; larger ones are refused rather than buffered
    /// without bound.
    public static let maximumRecordSize = 64 * 1024 * 1024

    /// The largest record this splitter accepts.
    public let recordSizeLimit: Int
    private let source: ByteSource
    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 1
    private var exhausted = false
    private var insideTopLevelArray = false
    private var started = false
    /// Whether the input is JSON Lines: decided by the first record (complete on its first line,
    /// outside a top-level array). In JSON Lines a record never spans lines, so a broken line is
    /// one malformed record and the next line is read normally.
    private var isJSONLines: Bool?

    /// Splits the bytes of `source`, refusing a record of more than `recordSizeLimit` bytes.
    public init(source: ByteSource, recordSizeLimit: Int = JSONRecordSplitter.maximumRecordSize) {
        self.source = source
        self.recordSizeLimit = recordSizeLimit
    }

    /// The next record, or `nil` at the end.
    /// - Throws: ``JSONSplitError`` for a structure that cannot be split (a top-level array that is
    ///   not closed, a record over the size limit, a stray character after the array); the input
    ///   cannot be resynchronised after it. A truncated last record is returned as it is, for the
    ///   decoder to reject.
    public func next() throws -> Piece? {
        if !started {
            started = true
            try skipWhitespace()
            if try peekByte() == 0xEF {
                // A UTF-8 byte order mark.
                try ensure(3)
                if buffer.count - position >= 3, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF { position += 3 }
                try skipWhitespace()
            }
            if try peekByte() == UInt8(ascii: "[") {
                insideTopLevelArray = true
                position += 1
            }
        }
        try skipWhitespace()
        if insideTopLevelArray {
            if try peekByte() == UInt8(ascii: ",") {
                position += 1
                try skipWhitespace()
            }
            if try peekByte() == UInt8(ascii: "]") {
                position += 1
                insideTopLevelArray = false
                try skipWhitespace()
                if let stray = try peekByte() {
                    throw JSONSplitError(message: "unexpected '\(Character(UnicodeScalar(stray)))' after the top-level array", line: line)
                }
                return nil
            }
        }
        guard let first = try peekByte() else {
            if insideTopLevelArray { throw JSONSplitError(message: "the top-level array is not closed", line: line) }
            return nil
        }
        if insideTopLevelArray, first == UInt8(ascii: ",") {
            throw JSONSplitError(message: "unexpected ',' in the top-level array", line: line)
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "\"") {
            return try scanValue()
        }
        return try scanLine()
    }

    /// A record that does not start like a JSON object, array or string: everything up to the end
    /// of its line (or, in a top-level array, the next `,` or `]`), so the decoder can report it
    /// as one malformed record and reading goes on.
    private func scanLine() throws -> Piece {
        let startLine = line
        var start = position
        var index = position
        while true {
            if index >= buffer.count {
                if exhausted { return try finish(start: start, end: index, line: startLine) }
                try refill(keepingFrom: &start, index: &index, line: startLine)
                continue
            }
            let byte = buffer[index]
            if byte == 0x0A || byte == 0x0D
                || (insideTopLevelArray && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")))
            {
                return try finish(start: start, end: index, line: startLine)
            }
            index += 1
        }
    }

    private func scanValue() throws -> Piece {
        let startLine = line
        var start = position
        var index = position
        var scan = ValueScan()
        while true {
            if index >= buffer.count {
                // A truncated last record is handed over whole, so it is rejected with the
                // parser's diagnosis rather than lost.
                if exhausted { return try finish(start: start, end: index, line: startLine) }
                try refill(keepingFrom: &start, index: &index, line: startLine)
                continue
            }
            let linesEndRecords = isJSONLines == true
            let stop = buffer.withUnsafeBufferPointer { bytes in
                scan.advance(over: bytes, from: &index, start: start, linesEndRecords: linesEndRecords)
            }
            line += scan.newlines
            scan.newlines = 0
            switch stop {
            case nil:
                continue
            case .end(let end):
                return try finish(start: start, end: end, line: startLine)
            case .unexpected(let byte):
                throw JSONSplitError(message: "unexpected '\(Character(UnicodeScalar(byte)))'", line: line)
            }
        }
    }

    /// The record from `start` to `end`, refused when it is over the size limit (also when it
    /// was found without reading past the limit, so that refusing does not depend on the chunks
    /// the input came in).
    private func finish(start: Int, end: Int, line startLine: Int) throws -> Piece {
        if end - start > recordSizeLimit { throw tooLarge(line: startLine) }
        if isJSONLines == nil { isJSONLines = !insideTopLevelArray && startLine == line }
        position = end
        return Piece(bytes: Array(buffer[start..<end]), line: startLine)
    }

    /// Drops the bytes before the record being scanned, reads the next chunk, and refuses a
    /// record that has grown past the size limit.
    private func refill(keepingFrom start: inout Int, index: inout Int, line startLine: Int) throws {
        if start > 0 {
            buffer.removeFirst(start)
            index -= start
            start = 0
            position = 0
        }
        try refill()
        if index > recordSizeLimit { throw tooLarge(line: startLine) }
    }

    private func tooLarge(line: Int) -> JSONSplitError {
        JSONSplitError(message: "a record is larger than \(recordSizeLimit) bytes", line: line)
    }

    private func refill() throws {
        if let chunk = try source.read() {
            buffer.append(contentsOf: chunk)
        } else {
            exhausted = true
        }
    }

    private func ensure(_ count: Int) throws {
        while buffer.count - position < count, !exhausted {
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            try refill()
        }
    }

    private func peekByte() throws -> UInt8? {
        try ensure(1)
        return position < buffer.count ? buffer[position] : nil
    }

    private func skipWhitespace() throws {
        while let byte = try peekByte() {
            switch byte {
            case 0x0A:
                line += 1
                position += 1
            case 0x20, 0x09, 0x0D:
                position += 1
            default:
                return
            }
        }
    }
}

@available(*, unavailable)
extension JSONRecordSplitter: Sendable {}

/// Where a scan through one JSON value stands, kept from one chunk of input to the next.
private struct ValueScan {
    var depth = 0
    var inString = false
    var escaped = false
    /// Line breaks passed since the owner last took them.
    var newlines = 0

    enum Stop {
        /// The value ends before this offset.
        case end(Int)
        /// A closing bracket with nothing before it.
        case unexpected(UInt8)
    }

    /// Scans `bytes` from `index` to the end of the value (`start` is where it began), or to the
    /// end of `bytes` when it goes on (`nil`). Runs of plain characters in strings are skipped
    /// eight bytes at a time. With `linesEndRecords` (JSON Lines), a line break ends the value.
    mutating func advance(
        over bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, start: Int, linesEndRecords: Bool
    ) -> Stop? {
        while index < bytes.count {
            if inString {
                if escaped {
                    escaped = false
                    index += 1
                    continue
                }
                index = JSONStringBytes.firstSpecial(in: bytes, from: index)
                guard index < bytes.count else { return nil }
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return .end(index) }
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == 0x0A {
                    newlines += 1
                }
                continue
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return index > start ? .end(index) : .unexpected(byte) }
                depth -= 1
                if depth == 0 { return .end(index + 1) }
            case 0x0A, UInt8(ascii: ","), 0x20, 0x09, 0x0D:
                if depth == 0 { return .end(index) }
                if byte == 0x0A {
                    if linesEndRecords { return .end(index) }
                    newlines += 1
                }
            default:
                break
            }
            index += 1
        }
        return nil
    }
}

/// A JSON input whose records cannot be told apart.
public struct JSONSplitError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int

    public var description: String { "line \(line): \(message)" }
}
