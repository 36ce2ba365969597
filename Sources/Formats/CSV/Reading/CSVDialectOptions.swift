import MicrocredPipeline

/// The read options (`--from-option`), resolved against the mapping's dialect: an option wins
/// over the mapping, the mapping over detection.
struct CSVDialectOptions {
    static let delimiter = "delimiter"
    static let encoding = "encoding"
    static let header = "header"
    static let headerRow = "header-row"
    static let quote = "quote"
    static let maximumRecordSize = "max-record-size"
    static let mapping = "mapping"

    /// The read options the descriptor declares.
    static let declared: [FormatOption] = [
        FormatOption(
            name: delimiter, direction: .read, valueSyntax: "auto|,|;|tab||", defaultValue: "auto",
            summary: "field delimiter; auto detects ',', ';', tab or '|' from the first lines"),
        FormatOption(
            name: encoding, direction: .read, valueSyntax: CSVTextEncoding.optionSyntax, defaultValue: "auto",
            summary: "text encoding; auto uses a byte order mark, else UTF-8 if valid, else Windows-1252"),
        FormatOption(
            name: header, direction: .read, valueSyntax: "auto|true|false", defaultValue: "auto",
            summary: "whether the first row (or --from-option header-row) is a header; auto follows the mapping"),
        FormatOption(
            name: headerRow, direction: .read, valueSyntax: "N", defaultValue: "1",
            summary: "the 1-based row holding the header; rows above it are skipped"),
        FormatOption(name: quote, direction: .read, valueSyntax: "CHAR", defaultValue: "\"", summary: "the quote character"),
        FormatOption(
            name: maximumRecordSize, direction: .read, valueSyntax: "BYTES", defaultValue: String(defaultMaximumRecordSize),
            summary: "largest record buffered; a longer one (usually an unclosed quote) is reported and skipped"),
    ]

    static let defaultMaximumRecordSize = 1 << 20

    var delimiter: UInt8?
    var encoding: CSVTextEncoding?
    var header: Bool?
    var headerRow: Int
    var quote: UInt8
    var maximumRecordBytes: Int

    /// The settings for reading with `mapping` and `options`.
    /// - Throws: ``Diagnostic`` (`option.unknown`, `option.invalid-value`).
    init(options: [String: String], mapping: CSVMapping) throws(Diagnostic) {
        let known = Set(Self.declared.map(\.name) + [Self.mapping])
        if let unknown = options.keys.sorted().first(where: { !known.contains($0) }) {
            throw Diagnostic.error(
                "option.unknown", "the csv reader has no option '\(unknown)'",
                hint: "read options: \(Self.declared.map(\.name).joined(separator: ", "))")
        }
        delimiter = mapping.dialect.delimiter
        if let text = options[Self.delimiter], text.lowercased() != "auto" {
            guard let byte = Self.delimiterByte(text) else {
                throw Self.invalid(Self.delimiter, text, hint: "write delimiter=, or ; or tab or |")
            }
            delimiter = byte
        }
        encoding = mapping.dialect.encoding
        if let text = options[Self.encoding], text.lowercased() != "auto" {
            guard let value = CSVTextEncoding(name: text) else {
                throw Self.invalid(Self.encoding, text, hint: CSVTextEncoding.optionSyntax)
            }
            encoding = value
        }
        header = mapping.dialect.header
        if let text = options[Self.header], text.lowercased() != "auto" {
            guard let value = MappingParser.boolValue(text) else { throw Self.invalid(Self.header, text, hint: "true, false or auto") }
            header = value
        }
        headerRow = mapping.dialect.headerRow
        if let text = options[Self.headerRow] {
            guard let value = Int(text), value >= 1 else { throw Self.invalid(Self.headerRow, text, hint: "a row number from 1") }
            headerRow = value
        }
        quote = mapping.dialect.quote
        if let text = options[Self.quote] {
            guard text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80, byte != 0x0A, byte != 0x0D else {
                throw Self.invalid(Self.quote, text, hint: "one ASCII character")
            }
            quote = byte
        }
        maximumRecordBytes = Self.defaultMaximumRecordSize
        if let text = options[Self.maximumRecordSize] {
            guard let value = Int(text), value >= 1024 else {
                throw Self.invalid(Self.maximumRecordSize, text, hint: "a number of bytes, at least 1024")
            }
            maximumRecordBytes = value
        }
        if let delimiter, delimiter == quote {
            throw Diagnostic.error("option.invalid-value", "the delimiter and the quote character are the same")
        }
    }

    /// The byte for a delimiter name: a single ASCII character, or `tab`, `\t`, `comma`,
    /// `semicolon`, `pipe`.
    static func delimiterByte(_ text: String) -> UInt8? {
        switch text.lowercased() {
        case "tab", "\\t", "\t": return 0x09
        case "comma": return UInt8(ascii: ",")
        case "semicolon": return UInt8(ascii: ";")
        case "pipe": return UInt8(ascii: "|")
        default:
            guard text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80, byte != 0x0A, byte != 0x0D,
                byte != UInt8(ascii: "\"")
            else { return nil }
            return byte
        }
    }

    private static func invalid(_ name: String, _ value: String, hint: String) -> Diagnostic {
        .error("option.invalid-value", "option '\(name)' does not accept '\(value)'", hint: hint)
    }
}
