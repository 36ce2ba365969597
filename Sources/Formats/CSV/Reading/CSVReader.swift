import MicrocredModel
import MicrocredPipeline

/// Reads one CSV input: detects its encoding and delimiter (unless given), finds its header,
/// binds the mapping to its columns, then splits it into rows one at a time.
///
/// Splitting is sequential and cheap; the per-row mapping work happens in ``CSVRecordDecoder``,
/// which the runner calls in parallel. Rows that cannot be split cleanly (ragged, an unclosed
/// quote, undecodable bytes) carry an error and are rejected with their text; reading goes on.
final class CSVReader: RecordReader {
    /// How much of an input is looked at to detect its encoding and delimiter.
    static let sampleSize = 256 * 1024

    private let source: ByteSource
    private let scanner: CSVScanner
    private let decoder: CSVRecordDecoder?
    private let plan: CompiledMapping?
    private let expectedCells: Int?
    private let headerCells: [String]
    /// Notes waiting for the next record (detection results, skipped rows, unknown columns).
    private var pending: [Diagnostic] = []
    private var recordIndex = 0

    /// Opens `source` for reading with the mapping and options of `context`.
    /// - Throws: ``Diagnostic`` when the input cannot be read with the mapping (a bad option or
    ///   mapping file, a mapped column missing from the header).
    init(source: ByteSource, context: FormatContext) throws(Diagnostic) {
        self.source = source
        let mapping = try CSVMapping.forContext(context)
        let options = try CSVDialectOptions(options: context.options, mapping: mapping)
        let sample: ArraySlice<UInt8>
        do {
            sample = try source.peek(Self.sampleSize)
        } catch {
            throw error.diagnostic
        }
        let detected = CSVTextEncoding.detect(sample, isWholeInput: sample.count < Self.sampleSize)
        let encoding = options.encoding ?? detected.encoding
        var skip = 0
        if let mark = CSVTextEncoding.byteOrderMark(in: sample), mark.encoding == encoding { skip = mark.byteOrderMarkLength }
        if options.encoding == nil, detected.isGuess {
            pending.append(
                .note(
                    "csv.encoding-detected", "the input is not UTF-8 and has no byte order mark; it is read as \(encoding.rawValue)",
                    hint: "if characters look wrong, name the encoding: --from-option encoding=iso-8859-15 (or utf-16le, …)"))
        }
        let transcoder = Transcoder(source: source, encoding: encoding, skip: skip)
        scanner = CSVScanner(
            transcoder: transcoder, delimiter: options.delimiter ?? UInt8(ascii: ","), quote: options.quote,
            maximumRecordBytes: options.maximumRecordBytes)
        let text = try scanner.peekText(64 * 1024)
        if let hint = DialectDetector.excelSeparatorHint(in: text) {
            try scanner.skipLine()
            if options.delimiter == nil { scanner.delimiter = hint }
        } else if options.delimiter == nil, let delimiter = DialectDetector.delimiter(in: text, quote: options.quote) {
            scanner.delimiter = delimiter
        }

        let hasHeader = options.header ?? mapping.columns.contains { if case .index = $0.source { false } else { true } }
        var header: [String] = []
        var headerLine: Int?
        if hasHeader {
            var row = 0
            while let record = try scanner.next() {
                row += 1
                if row == options.headerRow {
                    header = Self.headerNames(record.cells)
                    headerLine = record.line
                    break
                }
            }
            guard headerLine != nil else {
                // No header: an empty input, which has no records.
                plan = nil
                decoder = nil
                expectedCells = nil
                headerCells = []
                return
            }
        } else {
            var row = 1
            while row < options.headerRow, try scanner.next() != nil { row += 1 }
            let width = max(
                mapping.columns.compactMap { if case .index(let index) = $0.source { index } else { nil } }.max() ?? 0,
                try Self.peekWidth(scanner))
            header = (0..<width).map { String($0 + 1) }
        }
        let compiledContext = CompiledMapping.Context(today: context.environment.today, vocabularies: context.vocabularies)
        let compiled = try CompiledMapping(
            mapping: mapping, columnNames: header, hasHeader: hasHeader, headerLine: headerLine, context: compiledContext)
        pending += compiled.columnNotes.map { $0.located(in: SourceLocation(file: source.name)) }
        plan = compiled
        let copies = ThreadLocalCopies(shared: compiled) { [mapping, header, hasHeader, headerLine] in
            (try? CompiledMapping(
                mapping: mapping, columnNames: header, hasHeader: hasHeader, headerLine: headerLine, context: compiledContext))
                ?? compiled
        }
        decoder = CSVRecordDecoder(plan: compiled, copies: copies, headerCells: header)
        expectedCells = hasHeader ? header.count : nil
        scanner.expectedFields = expectedCells
        headerCells = header
    }

    /// Header names as read: trimmed, a stray byte order mark removed, trailing empty columns
    /// (left by spreadsheets) dropped.
    static func headerNames(_ cells: [String]) -> [String] {
        var names = cells.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingWhitespace() }
        while let last = names.last, last.isEmpty, names.count > 1 { names.removeLast() }
        return names
    }

    /// The number of cells on the first data row, without consuming it.
    private static func peekWidth(_ scanner: CSVScanner) throws(Diagnostic) -> Int {
        let text = try scanner.peekText(64 * 1024)
        var count = 1
        var inQuotes = false
        for byte in text {
            if byte == scanner.quote { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if byte == scanner.delimiter { count += 1 }
        }
        return text.isEmpty ? 0 : count
    }

    var bytesRead: Int { source.bytesRead }

    func next() throws(Diagnostic) -> SourceRecord? {
        guard let plan, let decoder else { return nil }
        while let record = try scanner.next() {
            if record.isBlank, record.problems.isEmpty { continue }
            if let reason = skipReason(record, plan: plan) {
                pending.append(
                    Diagnostic(
                        code: "csv.row-skipped", severity: .note, message: reason,
                        location: SourceLocation(file: source.name, line: record.line)))
                continue
            }
            recordIndex += 1
            var problems = pending
            pending = []
            problems += diagnostics(for: record)
            var cells = record.cells
            if let expected = expectedCells, cells.count > expected, cells[expected...].allSatisfy(\.isEmpty) {
                cells.removeLast(cells.count - expected)
            }
            let row = CSVRow(cells: cells, cellOffsets: record.cellOffsets, bytes: record.bytes, line: record.line)
            return SourceRecord(
                location: SourceLocation(file: source.name, line: record.line, record: recordIndex), raw: .null,
                problems: problems, decoder: decoder, payload: row)
        }
        return nil
    }

    /// Why `record` is not a data row, if it is not.
    private func skipReason(_ record: ScannedRecord, plan: CompiledMapping) -> String? {
        guard record.problems.isEmpty else { return nil }
        if plan.hasHeader, record.cells.count >= headerCells.count, let first = headerCells.first,
            record.cells[0].trimmingWhitespace() == first || record.cells[0].hasPrefix("\u{FEFF}"),
            Self.headerNames(record.cells) == headerCells
        {
            return "row repeats the header; skipped"
        }
        for (index, rule) in plan.skipRules where index < record.cells.count && rule.matches(record.cells[index]) {
            let value = record.cells[index].trimmingWhitespace()
            return "row with '\(value)' in column '\(rule.column)' skipped" + (rule.reason.map { " (\($0))" } ?? "")
        }
        return nil
    }

    /// The diagnostics for what the scanner found wrong with `record` and for its width.
    private func diagnostics(for record: ScannedRecord) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let row = CSVRow(cells: record.cells, cellOffsets: record.cellOffsets, bytes: record.bytes, line: record.line)
        func at(_ offset: Int) -> SourceLocation {
            let position = ScannedRecord.position(of: offset, in: record.bytes, line: record.line)
            return SourceLocation(file: source.name, line: position.line, column: position.column)
        }
        for problem in record.problems {
            switch problem {
            case .unterminatedQuote(let offset, let limitReached):
                found.append(
                    Diagnostic(
                        code: "csv.unterminated-quote", severity: .error,
                        message: limitReached
                            ? "the quoted field starting here is not closed within \(scanner.maximumRecordBytes) bytes; the row was cut at the end of this line"
                            : "the quoted field starting here is never closed; the row was cut at the end of this line",
                        hint: "close the quote; a quote inside quoted text is written twice (\"\")", location: at(offset)))
            case .textAfterQuote(let offset):
                found.append(
                    Diagnostic(
                        code: "csv.malformed-quote", severity: .error,
                        message: "text follows the closing quote of a quoted field",
                        hint: "a quote inside quoted text is written twice (\"\"); quote the whole field", location: at(offset)))
            case .undecodable(let offset, let bytes):
                let hex = bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
                found.append(
                    Diagnostic(
                        code: "csv.undecodable-bytes", severity: .error,
                        message: "byte\(bytes.count == 1 ? "" : "s") \(hex) cannot be read as \(scanner.encodingName)",
                        hint: "name the file's encoding with --from-option encoding=… (utf-8, windows-1252, iso-8859-15, utf-16le…)",
                        location: at(offset)))
            case .tooLarge(let limit):
                found.append(
                    Diagnostic(
                        code: "csv.record-too-large", severity: .error,
                        message: "the line is longer than \(limit) bytes and was skipped",
                        hint: "raise the limit with --from-option max-record-size=BYTES if the line is genuine",
                        location: SourceLocation(file: source.name, line: record.line)))
            }
        }
        let isCut = record.problems.contains {
            if case .unterminatedQuote = $0 { true } else if case .tooLarge = $0 { true } else { false }
        }
        if let expected = expectedCells, !isCut {
            if record.cells.count < expected {
                let position = row.position(ofCell: record.cells.count)
                found.append(
                    Diagnostic(
                        code: "csv.ragged-row", severity: .error,
                        message: "the row has \(record.cells.count) field\(record.cells.count == 1 ? "" : "s") but the header has \(expected)",
                        hint: "a field may hold an unquoted delimiter, or cells are missing; quote fields that contain '\(scanner.delimiterName)'",
                        location: SourceLocation(file: source.name, line: position.line, column: position.column)))
            } else if record.cells.count > expected,
                let extra = record.cells.indices.dropFirst(expected).first(where: { !record.cells[$0].isEmpty })
            {
                let position = row.position(ofCell: extra)
                found.append(
                    Diagnostic(
                        code: "csv.ragged-row", severity: .error,
                        message: "the row has \(record.cells.count) fields but the header has \(expected); field \(extra + 1) is '\(Self.excerpt(record.cells[extra]))'",
                        hint: "a field probably holds an unquoted '\(scanner.delimiterName)'; quote it",
                        location: SourceLocation(file: source.name, line: position.line, column: position.column)))
            }
        }
        return found
    }

    private static func excerpt(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}

/// Maps one row to a credential with the compiled mapping. Pure and thread-safe.
///
/// A class, shared by the input's records: each record carries its decoder, and copying a record
/// then counts one reference instead of one per field.
final class CSVRecordDecoder: RecordDecoder {
    let plan: CompiledMapping
    /// The mapping compiled again for each worker that decodes rows past ``rowsWithSharedPlan``:
    /// the workers then do not retain and release the same plans for every row (see
    /// ``ThreadLocalCopies``).
    let copies: ThreadLocalCopies<CompiledMapping>
    /// The header's names, which name the cells of a row as read.
    let headerCells: [String]

    init(plan: CompiledMapping, copies: ThreadLocalCopies<CompiledMapping>, headerCells: [String]) {
        self.plan = plan
        self.copies = copies
        self.headerCells = headerCells
    }

    func decode(_ record: SourceRecord) -> DecodedRecord {
        guard let row = record.payload as? CSVRow else {
            return DecodedRecord(credential: nil, diagnostics: [.error("csv.internal", "the record carries no CSV row")])
        }
        let isEarlyRow = (record.location.record ?? 0) <= Self.rowsWithSharedPlan
        return (isEarlyRow ? plan : copies.value).decode(row)
    }

    /// The rows of an input decoded with the shared plan. Compiling a copy costs about what
    /// decoding 40 rows does, which a folder of small files should not pay per file and worker.
    static let rowsWithSharedPlan = 256

    /// The row as an object: each cell under its column's name, and the line as written under
    /// `@text`.
    func raw(of record: SourceRecord) -> JSONValue {
        guard let row = record.payload as? CSVRow else { return record.raw }
        var members: [JSONMember] = []
        members.reserveCapacity(row.cells.count + 1)
        for (index, cell) in row.cells.enumerated() {
            let name = index < headerCells.count && !headerCells[index].isEmpty ? headerCells[index] : "column \(index + 1)"
            members.append(JSONMember(name, .string(cell)))
        }
        members.append(JSONMember("@text", .string(row.text)))
        return .object(members)
    }
}

extension CSVScanner {
    /// The delimiter as written in messages.
    var delimiterName: String { delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter)) }
}
