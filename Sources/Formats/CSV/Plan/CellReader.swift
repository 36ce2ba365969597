import MicrocredModel
import MicrocredPipeline

/// Turns one cell's text into the value of one model field: value map, zero padding, then the
/// field's kind (dates in the mapping's formats, numbers in its locale, JSON where declared).
///
/// Built once per mapping column; ``read(_:notes:)`` is the per-cell work.
struct CellReader: @unchecked Sendable {
    let kind: FieldKind
    let format: CSVColumnMapping.CellFormat
    let dateFormats: [CSVDateFormat]
    let numbers: CSVNumberFormat
    /// Value map keyed by the cell value, trimmed and lower-cased.
    let valueMap: [String: String]
    let unmatched: CSVColumnMapping.UnmatchedValues
    let zeroPad: Int?
    let vocabularies: Vocabularies?
    /// The column, for messages.
    let columnName: String

    init(
        kind: FieldKind, column: CSVColumnMapping?, mapping: CSVMapping, vocabularies: Vocabularies?, columnName: String,
        format: CSVColumnMapping.CellFormat? = nil
    ) {
        self.kind = kind
        self.format = format ?? column?.format ?? .text
        self.dateFormats = column?.dateFormats ?? mapping.dateFormats
        self.numbers = column?.numberFormat ?? mapping.numberFormat
        var map: [String: String] = [:]
        for entry in column?.valueMap ?? [] where map[Self.key(entry.cell)] == nil { map[Self.key(entry.cell)] = entry.value }
        self.valueMap = map
        self.unmatched = column?.unmatched ?? .keep
        self.zeroPad = column?.zeroPad
        self.vocabularies = vocabularies
        self.columnName = columnName
    }

    static func key(_ cell: String) -> String { cell.trimmingWhitespace().lowercased() }

    /// The value of `text` (non-empty).
    /// - Throws: ``Diagnostic`` when the text is not a value of the field's kind.
    func read(_ text: String, notes: inout [Diagnostic]) throws(Diagnostic) -> FieldValue {
        var text = text
        if !valueMap.isEmpty {
            if let mapped = valueMap[Self.key(text)] {
                text = mapped
            } else if unmatched != .keep {
                let known = valueMap.keys.sorted().prefix(8).map { "'\($0)'" }.joined(separator: ", ")
                let diagnostic = Diagnostic(
                    code: "csv.unmapped-value", severity: unmatched == .error ? .error : .warning,
                    message: "value '\(text)' in \(columnName) is not in the mapping's value map",
                    hint: "add it under 'values' (known: \(known))")
                if unmatched == .error { throw diagnostic }
                notes.append(diagnostic)
            }
        }
        if let zeroPad, text.utf8.count < zeroPad, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            let padded = String(repeating: "0", count: zeroPad - text.utf8.count) + text
            notes.append(
                .note(
                    "csv.zero-padded", "'\(text)' in \(columnName) padded to '\(padded)'",
                    hint: "spreadsheets drop leading zeros; format the column as text to keep them"))
            text = padded
        }
        switch format {
        case .json:
            return .json(try json(text))
        case .textOrJSON:
            if let first = text.utf8.first, first == UInt8(ascii: "[") || first == UInt8(ascii: "{") || first == UInt8(ascii: "\""),
                let value = try? JSONParser.parse(text)
            {
                return .json(value)
            }
        case .text:
            break
        }
        switch kind {
        case .text, .localized, .json, .structure:
            return .text(text)
        case .integer:
            if let value = Int(text) { return .integer(value) }
            if let value = numbers.parseInteger(text) { return .integer(value) }
            if let value = vocabularies?.eqfLevel(text) { return .integer(value) }
            throw Diagnostic.error(
                "csv.invalid-number", "'\(text)' in \(columnName) is not a whole number", hint: "write a number such as 6")
        case .decimal:
            switch numbers.parse(text) {
            case .success(let number): return .decimal(number)
            case .failure(.ambiguous):
                throw Diagnostic.error(
                    "csv.ambiguous-number",
                    "'\(text)' in \(columnName) could be a decimal fraction or a number with a thousands separator",
                    hint: "say which in the mapping: numbers: {decimal: ','} or numbers: {decimal: '.'}")
            case .failure(.notANumber):
                throw Diagnostic.error(
                    "csv.invalid-number", "'\(text)' in \(columnName) is not a number",
                    hint: numbers.decimal == .point && text.contains(",")
                        ? "the mapping expects '.' as the decimal separator; set numbers: {decimal: ','} for decimal commas"
                        : "write a number such as 7.5")
            }
        case .date, .timestamp:
            let timestamp = try date(text)
            if kind == .date { return .date(timestamp.calendarDate) }
            return .timestamp(timestamp)
        case .cycle:
            guard let cycle = Self.cycle(text) else {
                throw Diagnostic.error(
                    "csv.invalid-value", "'\(text)' in \(columnName) is not a QF-EHEA cycle",
                    hint: "write short, first, second or third")
            }
            return .cycle(cycle)
        }
    }

    private func json(_ text: String) throws(Diagnostic) -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            throw Diagnostic.error(
                "csv.invalid-json", "the cell in \(columnName) is not JSON: \(error.message)",
                hint: "the mapping declares format: json for this column")
        }
    }

    private func date(_ text: String) throws(Diagnostic) -> Timestamp {
        var found: (CSVDateFormat, Timestamp)?
        for format in dateFormats {
            guard let value = format.parse(text) else { continue }
            if let (first, earlier) = found {
                if earlier != value {
                    throw Diagnostic.error(
                        "csv.ambiguous-date",
                        "'\(text)' in \(columnName) reads as \(earlier) with '\(first)' and as \(value) with '\(format)'",
                        hint: "keep only the date format the export uses in the mapping")
                }
                continue
            }
            found = (format, value)
            if dateFormats.count == 1 { break }
        }
        if let found { return found.1 }
        let expected = dateFormats.map { $0.isISO ? "ISO 8601 (yyyy-MM-dd)" : $0.pattern }.joined(separator: " or ")
        throw Diagnostic.error(
            "csv.invalid-date", "'\(text)' in \(columnName) is not a date in the format \(expected)",
            hint: "check the cell, or declare the export's date format under 'dates' in the mapping")
    }

    /// A QF-EHEA cycle from its code, number or common name.
    static func cycle(_ text: String) -> QFEHEACycle? {
        let key = text.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: " cycle", with: "")
            .trimmingWhitespace()
        if let cycle = QFEHEACycle(rawValue: key) { return cycle }
        switch key {
        case "short", "0", "sc", "short-cycle": return .shortCycle
        case "1", "1st", "bachelor": return .first
        case "2", "2nd", "master": return .second
        case "3", "3rd", "doctoral", "doctorate", "phd": return .third
        default: return nil
        }
    }
}
