import MicrocredModel

/// Turns the value of one model field into cell text: the inverse of ``CellReader``, using the
/// column's first date format, its number locale, and the first cell value its value map gives
/// for the model value.
final class CellWriter: Sendable {
    let format: CSVColumnMapping.CellFormat
    let dateFormat: CSVDateFormat
    let numbers: CSVNumberFormat
    /// Model value -> cell value (the first entry of the value map for each model value).
    let inverseMap: [String: String]
    private static let serializer = JSONSerializer()

    init(column: CSVColumnMapping, mapping: CSVMapping) {
        format = column.format
        dateFormat = (column.dateFormats ?? mapping.dateFormats).first ?? .iso
        numbers = column.numberFormat ?? mapping.numberFormat
        var inverse: [String: String] = [:]
        for entry in column.valueMap where inverse[entry.value] == nil { inverse[entry.value] = entry.cell }
        inverseMap = inverse
    }

    /// The cell text for `value` (empty for `nil`).
    func text(_ value: FieldValue?) -> String {
        guard let value else { return "" }
        return text(value)
    }

    /// The cell text for `value`.
    func text(_ value: FieldValue) -> String {
        if format == .json { return Self.serializer.string(value.jsonValue) }
        let text: String
        switch value {
        case .text(let string): text = string
        case .integer(let number): text = String(number)
        case .decimal(let number): text = numbers.format(number)
        case .date(let date): text = dateFormat.format(.date(date))
        case .timestamp(let timestamp): text = dateFormat.format(timestamp)
        case .cycle(let cycle): text = cycle.rawValue
        case .localized(let localized):
            if format == .textOrJSON, !Self.isPlain(localized) {
                return Self.serializer.string(value.jsonValue)
            }
            text = localized.primary ?? ""
        case .json(let json):
            if case .string(let string) = json, format == .text || !Self.looksLikeJSON(string) {
                text = string
            } else {
                return Self.serializer.string(json)
            }
        }
        return inverseMap[text] ?? text
    }

    /// Whether a text can be written as plain text and read back as the same value.
    private static func isPlain(_ text: LocalizedText) -> Bool {
        text.entries.count == 1 && text.entries[0].language == nil && !looksLikeJSON(text.entries[0].value)
    }

    /// Whether a `text-or-json` reader would take `text` for JSON.
    private static func looksLikeJSON(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first == UInt8(ascii: "[") || first == UInt8(ascii: "{") || first == UInt8(ascii: "\"")
    }
}
