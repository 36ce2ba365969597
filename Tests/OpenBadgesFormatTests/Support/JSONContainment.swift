import MicrocredModel

/// Whether one JSON document states everything another states: objects member by member, arrays
/// as sets (each element contained in a different element of the other array), scalars equal.
enum JSONContainment {
    /// The pointers of what `inner` holds and `outer` lacks.
    static func missing(_ inner: JSONValue, in outer: JSONValue, at pointer: String = "") -> [String] {
        switch (inner, outer) {
        case (.object(let members), .object):
            return members.flatMap { member in
                guard let other = outer[member.key] else { return [pointer + "/" + member.key] }
                return missing(member.value, in: other, at: pointer + "/" + member.key)
            }
        case (.array(let items), .array(let others)):
            var used = Set<Int>()
            var lacking: [String] = []
            for (index, item) in items.enumerated() {
                if let match = others.indices.first(where: { !used.contains($0) && missing(item, in: others[$0]).isEmpty }) {
                    used.insert(match)
                } else {
                    lacking.append(pointer + "/\(index)")
                }
            }
            return lacking
        default:
            return inner == outer ? [] : [pointer]
        }
    }
}
