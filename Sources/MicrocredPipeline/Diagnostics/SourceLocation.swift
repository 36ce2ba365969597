/// Where something is in the input: the file, the line and column where the format has them,
/// the 1-based record index within that input, and the field path within the record.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The input's path, or `-` for standard input.
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// The 1-based index of the record within its input.
    public var record: Int?
    /// The field: a model path (`achievement.level.eqf`), a column name, a JSON pointer.
    public var field: String?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, record: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.record = record
        self.field = field
    }

    /// This location with its missing parts taken from `outer`.
    public func filling(from outer: SourceLocation) -> SourceLocation {
        SourceLocation(
            file: file ?? outer.file, line: line ?? outer.line, column: column ?? outer.column,
            record: record ?? outer.record, field: field ?? outer.field)
    }

    /// `file:line:column (record N, field F)`, leaving out what is unknown.
    public var description: String {
        var text = file ?? ""
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        var details: [String] = []
        if let record { details.append("record \(record)") }
        if let field { details.append("field \(field)") }
        if !details.isEmpty { text += (text.isEmpty ? "" : " ") + "(" + details.joined(separator: ", ") + ")" }
        return text
    }
}
