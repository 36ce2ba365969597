extension JSONValue {
    /// Sets bit `i` of `found` for every string `i` of `names` (at most 64) that is a member name
    /// somewhere in this value, without looking inside members named by string `opaque`.
    public func collectMemberNames(listedIn names: FixedStringIndex, notInside opaque: Int, into found: inout UInt64) {
        switch self {
        case .object(let members):
            members.withUnsafeBufferPointer { members in
                for member in members.indices {
                    if let position = names.position(of: members[member].key) {
                        if position == opaque { continue }
                        found |= 1 << UInt64(position)
                    }
                    if members[member].value.isContainerValue {
                        members[member].value.collectMemberNames(listedIn: names, notInside: opaque, into: &found)
                    }
                }
            }
        case .array(let items):
            items.withUnsafeBufferPointer { items in
                for item in items.indices where items[item].isContainerValue {
                    items[item].collectMemberNames(listedIn: names, notInside: opaque, into: &found)
                }
            }
        default:
            break
        }
    }

    /// Whether this is an object or an array (the values a walk looks inside).
    private var isContainerValue: Bool {
        switch self {
        case .object, .array: true
        default: false
        }
    }
}
