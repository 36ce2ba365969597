public import MicrocredModel

extension Diagnostic {
    /// The JSON form used in rejects files and reports:
    /// `{"code","severity","message","hint","field","line","column"}` (absent parts left out).
    public var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember("code", .string(code)),
            JSONMember("severity", .string(severity.rawValue)),
            JSONMember("message", .string(message)),
        ]
        if let hint { members.append(JSONMember("hint", .string(hint))) }
        if let field = location.field { members.append(JSONMember("field", .string(field))) }
        if let line = location.line { members.append(JSONMember("line", .integer(line))) }
        if let column = location.column { members.append(JSONMember("column", .integer(column))) }
        return .object(members)
    }
}

extension SourceLocation {
    /// The JSON form used in rejects files and reports: `{"file","line","column","record"}`.
    public var jsonValue: JSONValue {
        var members: [JSONMember] = []
        if let file { members.append(JSONMember("file", .string(file))) }
        if let line { members.append(JSONMember("line", .integer(line))) }
        if let column { members.append(JSONMember("column", .integer(column))) }
        if let record { members.append(JSONMember("record", .integer(record))) }
        return .object(members)
    }
}
