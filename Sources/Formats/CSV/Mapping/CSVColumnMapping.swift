/// One entry of a mapping's `columns`: where a value comes from, which model field(s) it goes to,
/// and how it is converted on the way.
public struct CSVColumnMapping: Sendable, Hashable {
    /// Where the value comes from.
    public enum Source: Sendable, Hashable {
        /// The column with this header.
        case header(String)
        /// The column at this 1-based position (files without a header row).
        case index(Int)
        /// Text built from other columns: `{Vorname} {Nachname}`.
        case template(String)
    }

    /// How a cell holds its value.
    public enum CellFormat: String, Sendable, Hashable, CaseIterable {
        /// The value as plain text.
        case text
        /// The value in the model format's JSON (any field, including lists and objects).
        case json
        /// Plain text; a cell holding a JSON list, object or string is read as `json`. The writer
        /// uses JSON only where plain text cannot express the value (a text in several languages).
        case textOrJSON = "text-or-json"
    }

    /// What happens to a value a value map does not list.
    public enum UnmatchedValues: String, Sendable, Hashable, CaseIterable {
        /// Use it as it is (the normalisation stages may still recognise it).
        case keep
        /// A warning, and the value is used as it is.
        case warn
        /// An error: the record is rejected.
        case error
    }

    /// Where the value comes from.
    public var source: Source
    /// The model field paths: one, or several for a cell split into parts (`Last, First`).
    /// Empty for a column that is known but not placed: its values stay in the unmapped fields.
    public var fields: [String]
    /// Splits the cell into parts for `fields` (at the first occurrences, the last part takes
    /// the rest).
    public var partSeparator: String?
    /// Drop the column's values deliberately (they are not kept as unmapped fields).
    public var ignore: Bool
    /// Whether the column may be absent from the file.
    public var optional: Bool
    /// Whether an empty cell is an error.
    public var required: Bool
    /// The value used when the cell is empty.
    public var defaultValue: String?
    /// How the cell holds its value.
    public var format: CellFormat
    /// Overrides the mapping's multi-value split rule.
    public var split: CSVSplitRule?
    /// Cell value -> model value (matched after trimming, without regard to case).
    public var valueMap: [CSVValueMapping]
    /// What happens to a value the value map does not list.
    public var unmatched: UnmatchedValues
    /// Overrides the mapping's date formats.
    public var dateFormats: [CSVDateFormat]?
    /// Overrides the mapping's number format.
    public var numberFormat: CSVNumberFormat?
    /// Pads a cell of digits with leading zeros to this width (ISCED-F `613` -> `0613`, lost by
    /// spreadsheets), with a note.
    public var zeroPad: Int?
    /// Overrides the mapping's trimming.
    public var trim: Bool?
    /// The place of the entry in the mapping file, for diagnostics.
    public var line: Int?

    /// Creates a column entry; the defaults are those of a mapping file that leaves the keys out.
    public init(
        source: Source, fields: [String] = [], partSeparator: String? = nil, ignore: Bool = false, optional: Bool = false,
        required: Bool = false, defaultValue: String? = nil, format: CellFormat = .text, split: CSVSplitRule? = nil,
        valueMap: [CSVValueMapping] = [], unmatched: UnmatchedValues = .keep, dateFormats: [CSVDateFormat]? = nil,
        numberFormat: CSVNumberFormat? = nil, zeroPad: Int? = nil, trim: Bool? = nil, line: Int? = nil
    ) {
        self.source = source
        self.fields = fields
        self.partSeparator = partSeparator
        self.ignore = ignore
        self.optional = optional
        self.required = required
        self.defaultValue = defaultValue
        self.format = format
        self.split = split
        self.valueMap = valueMap
        self.unmatched = unmatched
        self.dateFormats = dateFormats
        self.numberFormat = numberFormat
        self.zeroPad = zeroPad
        self.trim = trim
        self.line = line
    }

    /// A column with header `header` mapped to `field`.
    public static func column(_ header: String, _ field: String, format: CellFormat = .text) -> CSVColumnMapping {
        CSVColumnMapping(source: .header(header), fields: [field], format: format)
    }

    /// The header the entry reads, if it reads one column by name.
    public var header: String? {
        if case .header(let name) = source { return name }
        return nil
    }

    /// A short description of the source for messages: `column 'Email'`, `column 3`, `template`.
    var sourceDescription: String {
        switch source {
        case .header(let name): "column '\(name)'"
        case .index(let index): "column \(index)"
        case .template(let template): "template '\(template)'"
        }
    }
}

/// One entry of a value map: a cell value and the model value it stands for.
public struct CSVValueMapping: Sendable, Hashable {
    /// The value as the cell holds it.
    public var cell: String
    /// The model value it stands for.
    public var value: String

    /// Creates a column entry; the defaults are those of a mapping file that leaves the keys out.
    public init(cell: String, value: String) {
        self.cell = cell
        self.value = value
    }
}
