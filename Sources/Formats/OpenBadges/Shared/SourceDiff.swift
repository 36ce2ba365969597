import MicrocredModel

/// Finds what a source document holds that the format's writer would not write back from the
/// model: the unmapped fields that make a round trip lossless.
///
/// A reader maps the source to the model, renders the model again with the same format's writer
/// (in its most source-faithful settings) and compares: every member or element of the source
/// that the rendition lacks or spells differently becomes an ``UnmappedField`` whose path is a
/// JSON Pointer into the rendition. The writer later sets each of them at its path, so the
/// document it writes holds everything the source held.
///
/// Objects compare member by member. Arrays are matched element by element, not by position
/// (JSON-LD arrays are sets): equal elements first, then elements with the same identifying key
/// (`id`, `targetUrl`, `identityHash`, `identifier`), then the most similar elements of the same
/// `type`. Source elements left over are appended after the rendition's.
enum SourceDiff {
    /// The differences between `source` and `rendered`, as unmapped fields of `format`.
    static func unmapped(source: JSONValue, rendered: JSONValue, format: String) -> [UnmappedField] {
        var walk = Walk(format: format)
        walk.compare(source, rendered)
        return walk.found
    }

    /// One comparison: where it is (the JSON Pointer is spelled out only for a finding) and what
    /// it has found.
    private struct Walk {
        enum Step {
            case key(String)
            case index(Int)
        }

        let format: String
        var steps: [Step] = []
        var found: [UnmappedField] = []

        init(format: String) {
            self.format = format
        }

        mutating func compare(_ source: JSONValue, _ rendered: JSONValue) {
            // Most of a rendition is spelled as its source is, and equal values have nothing to
            // find: one test of equality spares walking them (and matching their arrays' elements).
            guard source != rendered else { return }
            switch (source, rendered) {
            case (.object(let sourceMembers), .object(let renderedMembers)) where sameKeysInOrder(sourceMembers, renderedMembers):
                // The common case (the rendition spells the members as the source does) needs no lookups.
                for (source, rendered) in zip(sourceMembers, renderedMembers) {
                    compare(source.value, rendered.value, at: .key(source.key))
                }
            case (.object(let sourceMembers), .object(let renderedMembers)):
                var sourceByKey: [String: JSONValue] = [:]
                for member in sourceMembers where sourceByKey[member.key] == nil { sourceByKey[member.key] = member.value }
                var renderedKeys = Set<String>()
                for member in renderedMembers {
                    renderedKeys.insert(member.key)
                    if let value = sourceByKey[member.key] { compare(value, member.value, at: .key(member.key)) }
                }
                var seen = Set<String>()
                for member in sourceMembers where !renderedKeys.contains(member.key) && seen.insert(member.key).inserted {
                    record(member.value, at: .key(member.key))
                }
            case (.array(let sourceItems), .array(let renderedItems)):
                let (pairs, equalPairs) = match(sourceItems, renderedItems)
                var sourceForRendered = SourceDiff.list(of: nil as Int?, count: renderedItems.count)
                // Pairs matched as equal have nothing to find.
                for (sourceIndex, renderedIndex) in pairs.dropFirst(equalPairs) { sourceForRendered[renderedIndex] = sourceIndex }
                for renderedIndex in renderedItems.indices {
                    if let sourceIndex = sourceForRendered[renderedIndex] {
                        compare(sourceItems[sourceIndex], renderedItems[renderedIndex], at: .index(renderedIndex))
                    }
                }
                var paired = SourceDiff.list(of: false, count: sourceItems.count)
                for (sourceIndex, _) in pairs { paired[sourceIndex] = true }
                var next = renderedItems.count
                for (index, item) in sourceItems.enumerated() where !paired[index] {
                    record(item, at: .index(next))
                    next += 1
                }
            default:
                record(source, at: nil)
            }
        }

        private mutating func compare(_ source: JSONValue, _ rendered: JSONValue, at step: Step) {
            steps.append(step)
            compare(source, rendered)
            steps.removeLast()
        }

        /// Keeps `value` as unmapped at the current place, or at `step` below it.
        private mutating func record(_ value: JSONValue, at step: Step?) {
            var pointer = ""
            for step in steps + (step.map { [$0] } ?? []) {
                switch step {
                case .key(let key): pointer = JSONPointer.appending(pointer, key)
                case .index(let index): pointer = JSONPointer.appending(pointer, index)
                }
            }
            found.append(UnmappedField(format: format, path: pointer, value: value))
        }
    }

    /// Whether both objects have the same keys in the same order, each once (checked pairwise
    /// for the small objects credentials are made of; larger ones take the general path).
    private static func sameKeysInOrder(_ source: [JSONMember], _ rendered: [JSONMember]) -> Bool {
        guard source.count == rendered.count, source.count <= 24 else { return false }
        for index in source.indices {
            let key = source[index].key
            guard key == rendered[index].key else { return false }
            // Comparing lengths first spares most comparisons of different keys.
            let length = key.utf8.count
            for earlier in 0..<index where source[earlier].key.utf8.count == length && source[earlier].key == key { return false }
        }
        return true
    }

    /// `count` copies of `value`. (`Array(repeating:count:)` allocates through a generic function
    /// of the standard library that looks the array's type up at run time, on every call; reserving
    /// and appending is compiled for the element type.)
    @inline(__always)
    private static func list<Element>(of value: Element, count: Int) -> [Element] {
        var list: [Element] = []
        list.reserveCapacity(count)
        for _ in 0..<count { list.append(value) }
        return list
    }

    /// Pairs of (source index, rendered index), those of equal elements first, and how many of
    /// them there are.
    private static func match(_ source: [JSONValue], _ rendered: [JSONValue]) -> (pairs: [(Int, Int)], equal: Int) {
        var pairs: [(Int, Int)] = []
        var usedSource = list(of: false, count: source.count)
        var usedRendered = list(of: false, count: rendered.count)
        func pair(_ sourceIndex: Int, _ renderedIndex: Int) {
            pairs.append((sourceIndex, renderedIndex))
            usedSource[sourceIndex] = true
            usedRendered[renderedIndex] = true
        }
        // Equal elements.
        for (sourceIndex, item) in source.enumerated() {
            if let renderedIndex = rendered.indices.first(where: { !usedRendered[$0] && rendered[$0] == item }) {
                pair(sourceIndex, renderedIndex)
            }
        }
        let equal = pairs.count
        // The same identifying key.
        for (sourceIndex, item) in source.enumerated() where !usedSource[sourceIndex] {
            guard let key = identifyingKey(item) else { continue }
            if let renderedIndex = rendered.indices.first(where: { !usedRendered[$0] && identifyingKey(rendered[$0]) == key }) {
                pair(sourceIndex, renderedIndex)
            }
        }
        // The most similar object of the same type.
        for (renderedIndex, item) in rendered.enumerated() where !usedRendered[renderedIndex] {
            guard case .object = item else { continue }
            var best: (index: Int, score: Int)?
            for (sourceIndex, candidate) in source.enumerated() where !usedSource[sourceIndex] {
                guard case .object = candidate, candidate["type"] == item["type"] else { continue }
                let score = similarity(candidate, item)
                if score > (best?.score ?? -1) { best = (sourceIndex, score) }
            }
            if let best { pair(best.index, renderedIndex) }
        }
        return (pairs, equal)
    }

    private static func identifyingKey(_ value: JSONValue) -> String? {
        guard case .object = value else { return nil }
        for key in ["id", "targetUrl", "identityHash", "identifier"] {
            if let text = value[key]?.stringValue { return key + "\u{1F}" + text }
        }
        return nil
    }

    private static func similarity(_ lhs: JSONValue, _ rhs: JSONValue) -> Int {
        guard case .object(let members) = lhs else { return 0 }
        return members.filter { rhs[$0.key] == $0.value }.count
    }
}
