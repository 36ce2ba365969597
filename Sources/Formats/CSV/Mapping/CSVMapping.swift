import MicrocredPipeline

/// A mapping file: how the columns of one export layout become model fields (and back).
///
/// Mapping files live in `Mappings/csv/*.yaml`; `docs/mapping.md` describes every key and the
/// model field paths. A mapping is strict: unknown keys and unknown model fields are errors that
/// name their place in the file.
public struct CSVMapping: Sendable, Hashable {
    /// The mapping file format version this build reads.
    public static let currentVersion = 1

    /// A short name (`moodle-course-completion`).
    public var name: String
    /// The mapping file format version (``currentVersion``).
    public var version: Int
    /// What the layout is, for people.
    public var description: String?
    /// How the file is written: delimiter, encoding, header row, rows to skip.
    public var dialect: CSVDialectSettings
    /// The date formats in use, tried in order (default: ISO 8601).
    public var dateFormats: [CSVDateFormat]
    /// The number locale: decimal and grouping separators.
    public var numberFormat: CSVNumberFormat
    /// Whether cells are trimmed of surrounding white space before use.
    public var trim: Bool
    /// How multi-valued cells are split and joined, unless a column says otherwise.
    public var split: CSVSplitRule
    /// What happens to columns the mapping does not mention.
    public var unknownColumns: UnknownColumnPolicy
    /// Values set on every record, by model field path.
    public var constants: [CSVConstant]
    /// The columns, in file order for writing.
    public var columns: [CSVColumnMapping]
    /// The file the mapping was loaded from, if any.
    public var sourcePath: String?

    /// Creates a mapping; the defaults are those of a mapping file that leaves the keys out.
    public init(
        name: String, version: Int = CSVMapping.currentVersion, description: String? = nil,
        dialect: CSVDialectSettings = CSVDialectSettings(), dateFormats: [CSVDateFormat] = [.iso],
        numberFormat: CSVNumberFormat = CSVNumberFormat(), trim: Bool = true, split: CSVSplitRule = CSVSplitRule(),
        unknownColumns: UnknownColumnPolicy = .keep, constants: [CSVConstant] = [], columns: [CSVColumnMapping] = [],
        sourcePath: String? = nil
    ) {
        self.name = name
        self.version = version
        self.description = description
        self.dialect = dialect
        self.dateFormats = dateFormats
        self.numberFormat = numberFormat
        self.trim = trim
        self.split = split
        self.unknownColumns = unknownColumns
        self.constants = constants
        self.columns = columns
        self.sourcePath = sourcePath
    }

    /// What the reader does with a column the mapping does not mention.
    public enum UnknownColumnPolicy: String, Sendable, Hashable, CaseIterable {
        /// Keep its values in the record's unmapped fields, with a note naming the column.
        case keep
        /// Refuse the input (an error naming the column).
        case error
    }
}

/// How a file is written. Every setting is optional: what is not set is detected, and
/// `--from-option` overrides what is.
public struct CSVDialectSettings: Sendable, Hashable {
    /// The field delimiter, or `nil` to detect it.
    public var delimiter: UInt8?
    /// The quote character.
    public var quote: UInt8
    /// The encoding, or `nil` to detect it.
    public var encoding: CSVTextEncoding?
    /// Whether there is a header row, or `nil` to decide from the columns the mapping names.
    public var header: Bool?
    /// The 1-based record holding the header; records before it are skipped (templates with a
    /// block of description rows above the header).
    public var headerRow: Int
    /// Data rows to skip (a second header-like row, a test student).
    public var skipRows: [CSVSkipRule]

    /// Creates a mapping; the defaults are those of a mapping file that leaves the keys out.
    public init(
        delimiter: UInt8? = nil, quote: UInt8 = UInt8(ascii: "\""), encoding: CSVTextEncoding? = nil, header: Bool? = nil,
        headerRow: Int = 1, skipRows: [CSVSkipRule] = []
    ) {
        self.delimiter = delimiter
        self.quote = quote
        self.encoding = encoding
        self.header = header
        self.headerRow = headerRow
        self.skipRows = skipRows
    }
}

/// A rule that skips data rows whose cell in `column` (trimmed, compared without regard to case)
/// equals `equals` or starts with `prefix`.
public struct CSVSkipRule: Sendable, Hashable {
    /// The column whose cell is compared.
    public var column: String
    /// The whole cell, trimmed, compared without regard to case.
    public var equals: String?
    /// The start of the cell, trimmed, compared without regard to case.
    public var prefix: String?
    /// Why the row is skipped, for the note.
    public var reason: String?

    /// Creates a mapping; the defaults are those of a mapping file that leaves the keys out.
    public init(column: String, equals: String? = nil, prefix: String? = nil, reason: String? = nil) {
        self.column = column
        self.equals = equals
        self.prefix = prefix
        self.reason = reason
    }

    /// Whether `cell` matches.
    func matches(_ cell: String) -> Bool {
        let value = cell.trimmingWhitespace().lowercased()
        if let equals, value == equals.trimmingWhitespace().lowercased() { return true }
        if let prefix, value.hasPrefix(prefix.trimmingWhitespace().lowercased()) { return true }
        return false
    }
}

/// How multi-valued cells are split into values and values joined into cells.
public struct CSVSplitRule: Sendable, Hashable {
    /// The separators; the first is used for writing. `\n` matches any line break.
    public var separators: [String]
    /// An escape character that makes the next character literal (`\|`), or `nil` for none.
    public var escape: Character?

    /// Creates a mapping; the defaults are those of a mapping file that leaves the keys out.
    public init(separators: [String] = ["|"], escape: Character? = nil) {
        self.separators = separators
        self.escape = escape
    }
}

/// A value set on every record.
public struct CSVConstant: Sendable, Hashable {
    /// The model field path (`awardingBodies[0].country`).
    public var field: String
    /// The value(s): one, or one per element for a `[]` path. `$today` stands for the run's date.
    public var values: [String]
    /// The line in the mapping file, for diagnostics.
    public var line: Int?

    /// Creates a mapping; the defaults are those of a mapping file that leaves the keys out.
    public init(field: String, values: [String], line: Int? = nil) {
        self.field = field
        self.values = values
        self.line = line
    }
}
