import ByteOutput
import MicrocredModel
import MicrocredPipeline

/// Writes credentials as CSV rows in a mapping's layout (by default `microcred-standard`, one
/// column per model field, which reads back losslessly).
///
/// Each row is read back with the same mapping before it is written; whatever would not come
/// back the same is named in a `csv.lossy-write` warning, so no value is dropped silently.
struct CSVWriter: RecordWriter {
    static let bomOption = "bom"
    static let delimiterOption = "delimiter"
    static let newlineOption = "newline"
    static let headerOption = "header"

    /// The write options the descriptor declares.
    static let declared: [FormatOption] = [
        FormatOption(
            name: bomOption, direction: .write, valueSyntax: "true|false", defaultValue: "false",
            summary: "start the file with a UTF-8 byte order mark (Excel then reads it as UTF-8)"),
        FormatOption(
            name: delimiterOption, direction: .write, valueSyntax: ",|;|tab||", defaultValue: ",",
            summary: "field delimiter (';' for Excel in most European locales)"),
        FormatOption(name: newlineOption, direction: .write, valueSyntax: "crlf|lf", defaultValue: "crlf", summary: "line ending"),
        FormatOption(name: headerOption, direction: .write, valueSyntax: "true|false", defaultValue: "true", summary: "write the header row"),
        FormatOption(
            name: CSVDialectOptions.mapping, direction: .write, valueSyntax: "FILE", defaultValue: "microcred-standard",
            summary: "the layout to write (overrides --mapping for the output); its columns must each hold fields"),
    ]

    let layout: CSVWriterLayout
    /// The mapping compiled for reading rows back.
    let readBack: CompiledMapping
    let delimiter: UInt8
    let quote: UInt8
    let newline: [UInt8]
    let byteOrderMark: Bool
    let writesHeader: Bool
    let headerLine: [UInt8]

    init(context: FormatContext) throws(Diagnostic) {
        let mapping = try CSVMapping.forContext(context)
        try self.init(mapping: mapping, context: context)
    }

    init(mapping: CSVMapping, context: FormatContext) throws(Diagnostic) {
        layout = try CSVWriterLayout(mapping: mapping)
        byteOrderMark = try context.flag(Self.bomOption, default: false)
        writesHeader = try context.flag(Self.headerOption, default: true)
        if let text = context.options[Self.delimiterOption] {
            guard let byte = CSVDialectOptions.delimiterByte(text) else {
                throw Diagnostic.error(
                    "option.invalid-value", "option 'delimiter' does not accept '\(text)'", hint: "write delimiter=, or ; or tab or |")
            }
            delimiter = byte
        } else {
            delimiter = mapping.dialect.delimiter ?? UInt8(ascii: ",")
        }
        quote = mapping.dialect.quote
        switch context.options[Self.newlineOption]?.lowercased() ?? "crlf" {
        case "crlf": newline = [0x0D, 0x0A]
        case "lf": newline = [0x0A]
        case let other:
            throw Diagnostic.error("option.invalid-value", "option 'newline' does not accept '\(other)'", hint: "write newline=crlf or newline=lf")
        }
        readBack = try CompiledMapping(
            mapping: mapping, columnNames: layout.columns.map(\.name), hasHeader: true, headerLine: nil,
            context: CompiledMapping.Context(today: context.environment.today, vocabularies: context.vocabularies))
        var line: [UInt8] = []
        if byteOrderMark { line += [0xEF, 0xBB, 0xBF] }
        if writesHeader {
            line += Self.row(layout.columns.map(\.name), delimiter: delimiter, quote: quote)
            line += newline
        }
        headerLine = line
    }

    var header: [UInt8] { headerLine }
    var separator: [UInt8] { [] }
    var footer: [UInt8] { [] }
    var documentExtension: String { "csv" }

    func encode(_ credential: Credential, standalone: Bool) throws(RecordRejection) -> EncodedRecord {
        var credential = credential
        let cells = layout.cells(for: &credential)
        var bytes = standalone ? headerLine : []
        bytes += Self.row(cells, delimiter: delimiter, quote: quote)
        bytes += newline
        return EncodedRecord(bytes: bytes, diagnostics: lossDiagnostics(cells: cells, credential: credential))
    }

    /// A warning naming what the row would not give back.
    private func lossDiagnostics(cells: [String], credential: Credential) -> [Diagnostic] {
        let row = CSVRow(cells: cells, cellOffsets: [], bytes: [], line: 1)
        let decoded = readBack.decode(row)
        // Compared unwrapped: comparing with the optional would copy the credential into one.
        if let back = decoded.credential, back == credential, !decoded.diagnostics.contains(where: { $0.severity == .error }) { return [] }
        let original = (try? JSONValueEncoder().encode(credential)) ?? .null
        let readBack = decoded.credential.flatMap { try? JSONValueEncoder().encode($0) } ?? .null
        var paths: [String] = []
        JSONDifference.collect(original, readBack, path: "", into: &paths, limit: 12)
        let problems = decoded.diagnostics.filter { $0.severity == .error }.map(\.message)
        var message = "the csv layout '\(layout.mapping.name)' does not keep "
        message += paths.isEmpty ? "every value" : paths.map { "'\($0)'" }.joined(separator: ", ")
        if !problems.isEmpty { message += " (" + problems.prefix(3).joined(separator: "; ") + ")" }
        return [
            .warning(
                "csv.lossy-write", message,
                hint: "write with the microcred-standard layout (the default) to keep every field, or add columns for these")
        ]
    }

    /// One row: cells quoted where needed, joined with the delimiter.
    static func row(_ cells: [String], delimiter: UInt8, quote: UInt8) -> [UInt8] {
        var bytes: [UInt8] = []
        // Room for the cells and their delimiters (and quotes for a few), made once.
        bytes.reserveCapacity(cells.reduce(cells.count * 2) { $0 + $1.utf8.count })
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(delimiter) }
            appendCell(cell, to: &bytes, delimiter: delimiter, quote: quote)
        }
        return bytes
    }

    /// `cell`, quoted when it holds the delimiter, a quote or a line break, or begins or ends
    /// with white space.
    static func appendCell(_ cell: String, to bytes: inout [UInt8], delimiter: UInt8, quote: UInt8) {
        var cell = cell
        cell.withUTF8 { utf8 in
            // Looked at eight bytes at a time (see ``ByteClassScan``); NUL is neither a delimiter
            // nor a quote.
            let special = ByteClassScan.first(
                in: utf8, from: 0, plain: 0, isMember: { $0 == delimiter || $0 == quote || $0 == 0x0A || $0 == 0x0D },
                marks: { word in
                    ByteClassScan.lanes(equalTo: delimiter, in: word) | ByteClassScan.lanes(equalTo: quote, in: word)
                        | ByteClassScan.lanes(equalTo: 0x0A, in: word) | ByteClassScan.lanes(equalTo: 0x0D, in: word)
                })
            var needsQuotes = special < utf8.count
            if !needsQuotes, let first = utf8.first, let last = utf8.last {
                needsQuotes = first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
            }
            guard needsQuotes else {
                bytes.append(contentsOf: utf8)
                return
            }
            // Quoted: the runs between quotes copied whole, each quote doubled.
            bytes.append(quote)
            var start = 0
            while start < utf8.count {
                let next = ByteClassScan.first(
                    in: utf8, from: start, plain: 0, isMember: { $0 == quote }, marks: { ByteClassScan.lanes(equalTo: quote, in: $0) })
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<next]))
                guard next < utf8.count else { break }
                bytes.append(quote)
                bytes.append(quote)
                start = next + 1
            }
            bytes.append(quote)
        }
    }
}

/// Finds where two JSON values differ, as dotted paths.
enum JSONDifference {
    static func collect(_ lhs: JSONValue, _ rhs: JSONValue, path: String, into paths: inout [String], limit: Int) {
        guard paths.count < limit, lhs != rhs else { return }
        switch (lhs, rhs) {
        case (.object(let left), .object(let right)):
            var keys: [String] = []
            for member in left + right where !keys.contains(member.key) { keys.append(member.key) }
            for key in keys {
                collect(
                    left.first { $0.key == key }?.value ?? .null, right.first { $0.key == key }?.value ?? .null,
                    path: path.isEmpty ? key : path + "." + key, into: &paths, limit: limit)
            }
        case (.array(let left), .array(let right)) where left.count == right.count:
            for (index, pair) in zip(left, right).enumerated() {
                collect(pair.0, pair.1, path: path + "[\(index)]", into: &paths, limit: limit)
            }
        default:
            paths.append(path.isEmpty ? "the record" : path)
        }
    }
}
