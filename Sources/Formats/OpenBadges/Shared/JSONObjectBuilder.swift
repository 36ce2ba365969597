import MicrocredModel

/// Builds a JSON object member by member, leaving out absent values.
struct JSONObjectBuilder {
    private(set) var members: [JSONMember] = []

    /// A builder with room for eight members before its storage grows: most objects written
    /// have a handful, and growing one member at a time reallocates several times.
    init() {
        members.reserveCapacity(8)
    }

    /// Adds `value` under `key` unless it is `nil`.
    mutating func add(_ key: String, _ value: JSONValue?) {
        guard let value else { return }
        members.append(JSONMember(key, value))
    }

    /// Adds a string unless it is `nil`.
    mutating func add(_ key: String, string: String?) {
        guard let string else { return }
        members.append(JSONMember(key, .string(string)))
    }

    /// Adds an array unless it is empty.
    mutating func add(_ key: String, nonEmpty values: [JSONValue]) {
        guard !values.isEmpty else { return }
        members.append(JSONMember(key, .array(values)))
    }

    /// Adds members of another object at the end.
    mutating func append(contentsOf other: [JSONMember]) {
        members.append(contentsOf: other)
    }

    /// Whether nothing was added.
    var isEmpty: Bool { members.isEmpty }

    /// The object.
    var value: JSONValue { .object(members) }
}
