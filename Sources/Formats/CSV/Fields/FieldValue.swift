import MicrocredModel

/// The kind of value a model field holds, which decides how a cell is read and written.
enum FieldKind: String, Sendable, Hashable {
    case text
    case integer
    case decimal
    case date
    /// A date or a date-time.
    case timestamp
    /// Text in one or more languages.
    case localized
    /// A QF-EHEA cycle (`short`, `first`, `second`, `third`).
    case cycle
    /// A JSON value kept verbatim (proof values, endorsements, unmapped values).
    case json
    /// An object or a list: only `format: json` can fill it from one cell.
    case structure
}

/// A value on its way between a cell and a model field.
enum FieldValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case decimal(DecimalNumber)
    case date(CalendarDate)
    case timestamp(Timestamp)
    case localized(LocalizedText)
    case cycle(QFEHEACycle)
    /// A value in the model format's JSON (for `format: json` and JSON-valued fields).
    case json(JSONValue)
}

/// Why a value cannot be stored in a field.
struct FieldValueError: Error, Sendable, Hashable {
    var message: String

    /// The message of `error` (a ``FieldValueError`` from a setter).
    static func message(of error: any Error) -> String {
        (error as? FieldValueError)?.message ?? "\(error)"
    }
}

/// A model type a leaf field can hold.
protocol FieldScalar: Codable, Sendable, Equatable {
    static var fieldKind: FieldKind { get }
    /// The value held by `value`, or `nil` if it is of another kind.
    init?(fieldValue value: FieldValue)
    var fieldValue: FieldValue { get }
}

extension FieldScalar {
    /// The value of `value`, decoding model JSON where it is given as JSON.
    static func from(_ value: FieldValue) throws(FieldValueError) -> Self {
        if let typed = Self(fieldValue: value) { return typed }
        if case .json(let json) = value {
            do {
                return try JSONValueDecoder().decode(Self.self, from: json)
            } catch {
                throw FieldValueError(message: "the JSON is not a \(fieldKind.rawValue) value")
            }
        }
        throw FieldValueError(message: "expected a \(fieldKind.rawValue) value")
    }
}

extension String: FieldScalar {
    static var fieldKind: FieldKind { .text }
    init?(fieldValue value: FieldValue) {
        guard case .text(let text) = value else { return nil }
        self = text
    }
    var fieldValue: FieldValue { .text(self) }
}

extension Int: FieldScalar {
    static var fieldKind: FieldKind { .integer }
    init?(fieldValue value: FieldValue) {
        guard case .integer(let number) = value else { return nil }
        self = number
    }
    var fieldValue: FieldValue { .integer(self) }
}

extension DecimalNumber: FieldScalar {
    static var fieldKind: FieldKind { .decimal }
    init?(fieldValue value: FieldValue) {
        guard case .decimal(let number) = value else { return nil }
        self = number
    }
    var fieldValue: FieldValue { .decimal(self) }
}

extension CalendarDate: FieldScalar {
    static var fieldKind: FieldKind { .date }
    init?(fieldValue value: FieldValue) {
        switch value {
        case .date(let date): self = date
        default: return nil
        }
    }
    var fieldValue: FieldValue { .date(self) }
}

extension Timestamp: FieldScalar {
    static var fieldKind: FieldKind { .timestamp }
    init?(fieldValue value: FieldValue) {
        switch value {
        case .timestamp(let timestamp): self = timestamp
        case .date(let date): self = .date(date)
        default: return nil
        }
    }
    var fieldValue: FieldValue { .timestamp(self) }
}

extension LocalizedText: FieldScalar {
    static var fieldKind: FieldKind { .localized }
    init?(fieldValue value: FieldValue) {
        switch value {
        case .localized(let text): self = text
        case .text(let text): self = LocalizedText(text)
        default: return nil
        }
    }
    var fieldValue: FieldValue { .localized(self) }
}

extension QFEHEACycle: FieldScalar {
    static var fieldKind: FieldKind { .cycle }
    init?(fieldValue value: FieldValue) {
        guard case .cycle(let cycle) = value else { return nil }
        self = cycle
    }
    var fieldValue: FieldValue { .cycle(self) }
}

extension JSONValue: FieldScalar {
    static var fieldKind: FieldKind { .json }
    init?(fieldValue value: FieldValue) {
        switch value {
        case .json(let json): self = json
        case .text(let text): self = .string(text)
        default: return nil
        }
    }
    var fieldValue: FieldValue { .json(self) }
}

extension FieldValue {
    /// The value in the model format's JSON.
    var jsonValue: JSONValue {
        switch self {
        case .text(let text): .string(text)
        case .integer(let number): .integer(number)
        case .decimal(let number): .string(number.description)
        case .date(let date): .string(date.description)
        case .timestamp(let timestamp): .string(timestamp.description)
        case .localized(let text): (try? JSONValueEncoder().encode(text)) ?? .null
        case .cycle(let cycle): .string(cycle.rawValue)
        case .json(let json): json
        }
    }
}
