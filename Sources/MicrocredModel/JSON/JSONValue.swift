/// A JSON value that keeps what generic decoders lose: the order of object members and the exact
/// lexical form of numbers.
///
/// The model uses it for everything kept verbatim (unmapped source fields, proofs, endorsements),
/// and the JSON formats use it as their document tree.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number in its exact lexical form as read or written (`7.5`, `1e3`, `-0`).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// An object whose members keep their order.
    case object([JSONMember])

    /// The member value for `key` when this is an object holding it.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        // Comparing lengths first spares a full comparison with most members' keys. The members
        // are read in place: stepping through them as values would copy each one passed, two
        // reference counts apiece, which cost the most when another thread built the tree.
        let length = key.utf8.count
        return members.withUnsafeBufferPointer { members in
            for index in members.indices where members[index].key.utf8.count == length && members[index].key == key {
                return members[index].value
            }
            return nil
        }
    }

    /// The string when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The elements when this is an array, the value itself as a one-element list otherwise, and
    /// an empty list for `null`. JSON-LD and Open Badges accept a single value where a list is
    /// expected; this reads both alike.
    public var listValue: [JSONValue] {
        switch self {
        case .array(let values): values
        case .null: []
        default: [self]
        }
    }

    /// The members when this is an object.
    public var objectValue: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// A number made from an integer.
    public static func integer(_ value: Int) -> JSONValue { .number(String(value)) }
}

/// One member of a JSON object.
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
