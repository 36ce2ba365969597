import MicrocredPipeline

/// Splits UTF-8 text into RFC 4180 records, working on bytes: quoted fields, doubled quotes, line
/// breaks inside quotes, and CRLF, LF or CR line ends.
///
/// The scanner holds the bytes of the record it is splitting and no more than one chunk beyond
/// it, so memory is bounded by the largest record (itself bounded by `maximumRecordBytes`). A
/// quote that is never closed is reported and the record cut at the end of the line the quote
/// opened on; reading resumes on the next line.
final class CSVScanner {
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// The field delimiter (an ASCII byte).
    var delimiter: UInt8
    /// The quote character (an ASCII byte).
    var quote: UInt8
    /// Records larger than this are not buffered: see ``ScannedRecord/Problem``.
    let maximumRecordBytes: Int
    /// The number of fields a record should have (the header's), once known. A record that has
    /// more because a quoted field ran over a line break is taken to hold a stray quote.
    var expectedFields: Int?

    private let transcoder: Transcoder
    private var buffer: [UInt8] = []
    /// Where the next record starts in `buffer`.
    private var start = 0
    /// The stream offset (in the UTF-8 output) of `buffer[0]`.
    private var bufferOffset = 0
    /// The line the next record starts on.
    private var line = 1
    private var exhausted = false
    /// Whether a record was cut at a CR that ended the buffer: a LF that follows it belongs to
    /// that line break, not to the next record.
    private var skipsLineFeed = false
    private var decodeErrors: [Transcoder.DecodeError] = []
    private var decodeErrorIndex = 0
    /// The field spans of the record being scanned, kept between records so that their storage
    /// is allocated once rather than grown field by field for every record.
    private var spanStorage: [Span] = []

    init(transcoder: Transcoder, delimiter: UInt8, quote: UInt8 = UInt8(ascii: "\""), maximumRecordBytes: Int) {
        self.transcoder = transcoder
        self.delimiter = delimiter
        self.quote = quote
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// The decoded text available without consuming it (at least `count` bytes unless the input
    /// is shorter), for dialect detection.
    func peekText(_ count: Int) throws(Diagnostic) -> ArraySlice<UInt8> {
        while buffer.count - start < count, !exhausted { try fill() }
        return buffer[start..<min(buffer.count, start + count)]
    }

    /// The name of the input's encoding, for messages.
    var encodingName: String { transcoder.encoding.rawValue }

    /// Whether everything has been read.
    var isAtEnd: Bool { exhausted && start >= buffer.count }

    /// Skips the rest of the current line (a `sep=;` hint line).
    func skipLine() throws(Diagnostic) {
        while true {
            if let index = buffer[start...].firstIndex(where: { $0 == Self.lineFeed || $0 == Self.carriageReturn }) {
                var end = index + 1
                if buffer[index] == Self.carriageReturn {
                    if end == buffer.count, !exhausted {
                        try fill()
                        continue
                    }
                    if end < buffer.count, buffer[end] == Self.lineFeed { end += 1 }
                }
                start = end
                line += 1
                return
            }
            if exhausted {
                start = buffer.count
                return
            }
            try fill()
        }
    }

    /// The next record, or `nil` at the end of the input.
    /// - Throws: ``Diagnostic`` when the input cannot be read.
    func next() throws(Diagnostic) -> ScannedRecord? {
        while skipsLineFeed {
            if start < buffer.count {
                if buffer[start] == Self.lineFeed { start += 1 }
                skipsLineFeed = false
            } else if exhausted {
                skipsLineFeed = false
            } else {
                try fill()
            }
        }
        while true {
            switch scan() {
            case .record(let record): return record
            case .end: return nil
            case .oversizedLine: return try skipOversizedLine()
            case .needMore: try fill()
            }
        }
    }

    // MARK: - Buffer

    private func fill() throws(Diagnostic) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            bufferOffset += start
            start = 0
        }
        if !(try transcoder.next(into: &buffer, errors: &decodeErrors)) { exhausted = true }
    }

    // MARK: - Splitting

    private enum Outcome {
        case record(ScannedRecord)
        case end
        /// The bytes looked at end inside the record; the opening quote of the first quoted field
        /// that runs over a line break, if any.
        case needMore(strayQuote: Int?)
        /// The record runs past the size limit on its first line: skip that line.
        case oversizedLine
    }

    private struct Span {
        var start: Int
        var end: Int
        /// Where the field starts including its opening quote.
        var origin: Int
        var hasDoubledQuotes: Bool
    }

    private func scan() -> Outcome {
        let quote = self.quote
        let delimiter = self.delimiter
        let stops = CSVStopBytes(delimiter: delimiter, quote: quote)
        // Only the first bytes of a record, up to the size limit and a CR LF after it, are looked
        // at, however many are buffered: what becomes of a record too large does not depend on
        // where the input's chunks end.
        let lookahead = maximumRecordBytes >= Int.max - 2 ? Int.max : maximumRecordBytes + 2
        let isCut = buffer.count - start > lookahead
        let atEnd = exhausted && !isCut
        let outcome = buffer.withUnsafeBufferPointer { whole -> Outcome in
            let bytes = isCut ? UnsafeBufferPointer(rebasing: whole[..<(start + lookahead)]) : whole
            let count = bytes.count
            var position = start
            if position >= count {
                return atEnd ? .end : .needMore(strayQuote: nil)
            }
            var spans = self.spanStorage
            self.spanStorage = []
            spans.removeAll(keepingCapacity: true)
            defer { self.spanStorage = spans }
            var problems: [ScannedRecord.Problem] = []
            var linesInside = 0
            var recordEnd = 0
            var next = 0
            /// The opening quote of the first quoted field that runs over a line break.
            var firstMultilineQuote: Int?
            fields: while true {
                if position == count {
                    guard atEnd else { return .needMore(strayQuote: firstMultilineQuote) }
                    // A delimiter at the very end of the input: one last empty field.
                    spans.append(Span(start: position, end: position, origin: position, hasDoubledQuotes: false))
                    recordEnd = position
                    next = position
                    break fields
                }
                let origin = position
                if bytes[position] == quote {
                    position += 1
                    let contentStart = position
                    var doubled = false
                    var contentEnd = 0
                    let linesBefore = linesInside
                    // The stray quote when the bytes end inside this field: the first quoted
                    // field over a line break, which may be this one.
                    var strayQuote: Int? { firstMultilineQuote ?? (linesInside > linesBefore ? origin : nil) }
                    while true {
                        position = stops.quotedStop(in: bytes, from: position)
                        while position < count, bytes[position] != quote {
                            // A line break: LF, or CR, counted once as CRLF.
                            if bytes[position] == Self.carriageReturn || position == 0
                                || bytes[position - 1] != Self.carriageReturn
                            {
                                linesInside += 1
                            }
                            position = stops.quotedStop(in: bytes, from: position + 1)
                        }
                        if position == count {
                            if !atEnd {
                                return .needMore(strayQuote: strayQuote)
                            }
                            return .record(self.unterminatedRecord(quoteAt: origin, limitReached: false))
                        }
                        if position + 1 < count {
                            if bytes[position + 1] == quote {
                                doubled = true
                                position += 2
                                continue
                            }
                        } else if !atEnd {
                            return .needMore(strayQuote: strayQuote)
                        }
                        contentEnd = position
                        position += 1
                        break
                    }
                    if linesInside > linesBefore, firstMultilineQuote == nil { firstMultilineQuote = origin }
                    if position < count, bytes[position] != delimiter, bytes[position] != Self.lineFeed,
                        bytes[position] != Self.carriageReturn
                    {
                        if linesInside > linesBefore {
                            // The "closing" quote opened a field on a later line: the first quote
                            // was a stray one that is never closed.
                            return .record(self.unterminatedRecord(quoteAt: origin, limitReached: false))
                        }
                        problems.append(.textAfterQuote(offset: position - start))
                        position = stops.fieldEnd(in: bytes, from: position)
                        if position == count, !atEnd { return .needMore(strayQuote: firstMultilineQuote) }
                        spans.append(Span(start: origin, end: position, origin: origin, hasDoubledQuotes: false))
                    } else {
                        spans.append(Span(start: contentStart, end: contentEnd, origin: origin, hasDoubledQuotes: doubled))
                    }
                } else {
                    position = stops.fieldEnd(in: bytes, from: position)
                    if position == count, !atEnd { return .needMore(strayQuote: firstMultilineQuote) }
                    spans.append(Span(start: origin, end: position, origin: origin, hasDoubledQuotes: false))
                }
                if position == count {
                    recordEnd = position
                    next = position
                    break fields
                }
                let byte = bytes[position]
                if byte == delimiter {
                    position += 1
                    continue fields
                }
                recordEnd = position
                if byte == Self.carriageReturn {
                    position += 1
                    if position == count, !atEnd { return .needMore(strayQuote: firstMultilineQuote) }
                    if position < count, bytes[position] == Self.lineFeed { position += 1 }
                } else {
                    position += 1
                }
                next = position
                break fields
            }
            if recordEnd - self.start > self.maximumRecordBytes {
                if let stray = firstMultilineQuote {
                    return .record(self.unterminatedRecord(quoteAt: stray, limitReached: true))
                }
                let record = ScannedRecord(
                    line: self.line, cells: [], cellOffsets: [], bytes: [], problems: [.tooLarge(limit: self.maximumRecordBytes)])
                _ = self.takeDecodeErrors(upTo: recordEnd)
                self.line += 1 + linesInside
                self.start = next
                return .record(record)
            }
            if let expected = self.expectedFields, spans.count > expected, let stray = firstMultilineQuote,
                spans[expected...].contains(where: { $0.end > $0.start })
            {
                return .record(self.unterminatedRecord(quoteAt: stray, limitReached: false))
            }
            let record = self.makeRecord(
                bytes: bytes, spans: spans, recordEnd: recordEnd, problems: problems)
            self.line += 1 + linesInside
            self.start = next
            return .record(record)
        }
        // A record not ended within the limit: a quoted field that runs over a line break is
        // taken to hold a stray quote, and the record is cut at the end of the quote's line (which
        // is among the bytes looked at); without one, the record's first line is longer than the
        // limit and is skipped.
        guard isCut, case .needMore(let strayQuote) = outcome else { return outcome }
        if let strayQuote { return .record(unterminatedRecord(quoteAt: strayQuote, limitReached: true)) }
        return .oversizedLine
    }

    private func makeRecord(
        bytes: UnsafeBufferPointer<UInt8>, spans: [Span], recordEnd: Int, problems: [ScannedRecord.Problem]
    ) -> ScannedRecord {
        var cells: [String] = []
        cells.reserveCapacity(spans.count)
        var offsets: [Int] = []
        offsets.reserveCapacity(spans.count)
        for span in spans {
            offsets.append(span.origin - start)
            if span.hasDoubledQuotes {
                var unquoted: [UInt8] = []
                unquoted.reserveCapacity(span.end - span.start)
                var index = span.start
                while index < span.end {
                    unquoted.append(bytes[index])
                    index += bytes[index] == quote ? 2 : 1
                }
                cells.append(String(decoding: unquoted, as: UTF8.self))
            } else {
                cells.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self))
            }
        }
        let recordBytes = Array(UnsafeBufferPointer(rebasing: bytes[start..<recordEnd]))
        var allProblems = problems
        allProblems += takeDecodeErrors(upTo: recordEnd)
        return ScannedRecord(line: line, cells: cells, cellOffsets: offsets, bytes: recordBytes, problems: allProblems)
    }

    /// The decode errors that fall before buffer offset `end`, relative to the record start.
    private func takeDecodeErrors(upTo end: Int) -> [ScannedRecord.Problem] {
        var problems: [ScannedRecord.Problem] = []
        let recordStart = bufferOffset + start
        let recordEnd = bufferOffset + end
        while decodeErrorIndex < decodeErrors.count, decodeErrors[decodeErrorIndex].offset < recordEnd {
            let error = decodeErrors[decodeErrorIndex]
            if error.offset >= recordStart {
                problems.append(.undecodable(offset: error.offset - recordStart, bytes: error.bytes))
            }
            decodeErrorIndex += 1
        }
        if decodeErrorIndex == decodeErrors.count, decodeErrorIndex > 0 {
            decodeErrors.removeAll(keepingCapacity: true)
            decodeErrorIndex = 0
        }
        return problems
    }

    /// The record that starts at `start` and holds a quote (at buffer offset `quoteAt`) that is
    /// never closed: cut at the end of the line the quote is on; reading resumes on the next line.
    private func unterminatedRecord(quoteAt: Int, limitReached: Bool) -> ScannedRecord {
        var lineEnd = quoteAt
        while lineEnd < buffer.count, buffer[lineEnd] != Self.lineFeed, buffer[lineEnd] != Self.carriageReturn { lineEnd += 1 }
        let next = lineEnd < buffer.count ? afterLineBreak(at: lineEnd) : lineEnd
        // Split what precedes the quote again, now that the record is known to end at `lineEnd`.
        var spans: [Span] = []
        var fieldStart = start
        var index = start
        var inQuotes = false
        var linesInside = 0
        while index < quoteAt {
            let byte = buffer[index]
            if byte == quote {
                inQuotes.toggle()
            } else if byte == delimiter, !inQuotes {
                spans.append(Self.span(buffer, from: fieldStart, to: index, quote: quote))
                fieldStart = index + 1
            } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                if !(byte == Self.lineFeed && index > start && buffer[index - 1] == Self.carriageReturn) { linesInside += 1 }
            }
            index += 1
        }
        spans.append(Span(start: quoteAt, end: lineEnd, origin: quoteAt, hasDoubledQuotes: false))
        let record = buffer.withUnsafeBufferPointer { bytes in
            makeRecord(
                bytes: bytes, spans: spans, recordEnd: lineEnd,
                problems: [.unterminatedQuote(offset: quoteAt - start, recordLimitReached: limitReached)])
        }
        line += 1 + linesInside
        start = next
        return record
    }

    private static func span(_ buffer: [UInt8], from: Int, to: Int, quote: UInt8) -> Span {
        if to - from >= 2, buffer[from] == quote, buffer[to - 1] == quote {
            var doubled = false
            var index = from + 1
            while index < to - 1 {
                if buffer[index] == quote { doubled = true }
                index += 1
            }
            return Span(start: from + 1, end: to - 1, origin: from, hasDoubledQuotes: doubled)
        }
        return Span(start: from, end: to, origin: from, hasDoubledQuotes: false)
    }

    /// The buffer offset after the line break at `index` (LF, CR or CR LF). A CR that ends the
    /// buffer may be followed by a LF not read yet: ``skipsLineFeed`` has the next record skip it.
    private func afterLineBreak(at index: Int) -> Int {
        guard buffer[index] == Self.carriageReturn else { return index + 1 }
        if index + 1 < buffer.count {
            return buffer[index + 1] == Self.lineFeed ? index + 2 : index + 1
        }
        if !exhausted { skipsLineFeed = true }
        return index + 1
    }

    /// Skips a line longer than the limit (outside quotes) and returns it as a record holding only
    /// the problem.
    private func skipOversizedLine() throws(Diagnostic) -> ScannedRecord {
        let firstLine = line
        while true {
            if let index = buffer[start...].firstIndex(where: { $0 == Self.lineFeed || $0 == Self.carriageReturn }) {
                start = afterLineBreak(at: index)
                break
            }
            start = buffer.count
            if exhausted { break }
            try fill()
        }
        line += 1
        _ = takeDecodeErrors(upTo: start)
        return ScannedRecord(
            line: firstLine, cells: [], cellOffsets: [], bytes: [], problems: [.tooLarge(limit: maximumRecordBytes)])
    }
}
