import MicrocredModel

extension JSONValue {
    /// The value at `tokens` (JSON Pointer reference tokens), or `nil`.
    func value(at tokens: some Collection<String>) -> JSONValue? {
        var current = self
        for token in tokens {
            switch current {
            case .object(let members):
                guard let member = members.first(where: { $0.key == token }) else { return nil }
                current = member.value
            case .array(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Sets `value` at `tokens`: an existing member or element is replaced, a missing member is
    /// appended, an index at or past the end appends, and missing containers on the way are
    /// created. Returns `false` when the path runs through a scalar.
    @discardableResult
    mutating func set(_ value: JSONValue, at tokens: ArraySlice<String>) -> Bool {
        guard let head = tokens.first else {
            self = value
            return true
        }
        let rest = tokens.dropFirst()
        func fresh() -> JSONValue {
            guard let next = rest.first else { return value }
            return Int(next) != nil ? .array([]) : .object([])
        }
        switch self {
        case .object(var members):
            if let index = members.firstIndex(where: { $0.key == head }) {
                var child = members[index].value
                guard child.set(value, at: rest) else { return false }
                members[index].value = child
            } else {
                var child = fresh()
                guard child.set(value, at: rest) else { return false }
                members.append(JSONMember(head, child))
            }
            self = .object(members)
            return true
        case .array(var items):
            guard let index = Int(head), index >= 0 else { return false }
            if index < items.count {
                var child = items[index]
                guard child.set(value, at: rest) else { return false }
                items[index] = child
            } else {
                var child = fresh()
                guard child.set(value, at: rest) else { return false }
                items.append(child)
            }
            self = .array(items)
            return true
        default:
            return false
        }
    }

    /// Removes the member or element at `tokens`; returns whether something was removed.
    @discardableResult
    mutating func removeValue(at tokens: ArraySlice<String>) -> Bool {
        guard let head = tokens.first else { return false }
        let rest = tokens.dropFirst()
        switch self {
        case .object(var members):
            guard let index = members.firstIndex(where: { $0.key == head }) else { return false }
            if rest.isEmpty {
                members.remove(at: index)
            } else {
                var child = members[index].value
                guard child.removeValue(at: rest) else { return false }
                members[index].value = child
            }
            self = .object(members)
            return true
        case .array(var items):
            guard let index = Int(head), items.indices.contains(index) else { return false }
            if rest.isEmpty {
                items.remove(at: index)
            } else {
                var child = items[index]
                guard child.removeValue(at: rest) else { return false }
                items[index] = child
            }
            self = .array(items)
            return true
        default:
            return false
        }
    }

    /// The string elements of a string or an array (other values are skipped).
    var strings: [String] {
        listValue.compactMap(\.stringValue)
    }

    /// Whether this is an object.
    var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    /// This object with member `key` removed (other values unchanged).
    func removing(_ key: String) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.key != key })
    }

    /// This object with member `key` set to `value` (replacing in place or appending).
    func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        var object = self
        object.set(key, value)
        return object
    }

    /// Sets member `key` of this object to `value` (replacing in place or appending); does
    /// nothing when this is not an object. The members are changed where they are stored, not
    /// copied, when nothing else holds them.
    mutating func set(_ key: String, _ value: JSONValue) {
        guard case .object(var members) = self else { return }
        // Emptied first, so that `members` is the only holder of the list and changes in place.
        self = .null
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append(JSONMember(key, value))
        }
        self = .object(members)
    }

    /// The text of a JSON number as a decimal, when it is one in plain notation.
    var decimalValue: DecimalNumber? {
        switch self {
        case .number(let lexeme): DecimalNumber(lexeme)
        case .string(let text): DecimalNumber(text)
        default: nil
        }
    }
}
