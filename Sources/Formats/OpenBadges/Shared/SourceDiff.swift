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
        var found: [UnmappedField] = []
        compare(source, rendered, pointer: "", format: format, into: &found)
        return found
    }

    private static func compare(
        _ source: JSONValue, _ rendered: JSONValue, pointer: String, format: String, into found: inout [UnmappedField]
    ) {
        switch (source, rendered) {
        case (.object(let sourceMembers), .object(let renderedMembers)):
            var sourceByKey: [String: JSONValue] = [:]
            for member in sourceMembers where sourceByKey[member.key] == nil { sourceByKey[member.key] = member.value }
            var renderedKeys = Set<String>()
            for member in renderedMembers {
                renderedKeys.insert(member.key)
                if let value = sourceByKey[member.key] {
                    compare(value, member.value, pointer: JSONPointer.appending(pointer, member.key), format: format, into: &found)
                }
            }
            var seen = Set<String>()
            for member in sourceMembers where !renderedKeys.contains(member.key) && seen.insert(member.key).inserted {
                found.append(UnmappedField(format: format, path: JSONPointer.appending(pointer, member.key), value: member.value))
            }
        case (.array(let sourceItems), .array(let renderedItems)):
            let pairs = match(sourceItems, renderedItems)
            var sourceForRendered: [Int: Int] = [:]
            for (sourceIndex, renderedIndex) in pairs { sourceForRendered[renderedIndex] = sourceIndex }
            for renderedIndex in renderedItems.indices {
                if let sourceIndex = sourceForRendered[renderedIndex] {
                    compare(
                        sourceItems[sourceIndex], renderedItems[renderedIndex],
                        pointer: JSONPointer.appending(pointer, renderedIndex), format: format, into: &found)
                }
            }
            let paired = Set(pairs.map(\.0))
            var next = renderedItems.count
            for (index, item) in sourceItems.enumerated() where !paired.contains(index) {
                found.append(UnmappedField(format: format, path: JSONPointer.appending(pointer, next), value: item))
                next += 1
            }
        default:
            if source != rendered {
                found.append(UnmappedField(format: format, path: pointer, value: source))
            }
        }
    }

    /// Pairs of (source index, rendered index).
    private static func match(_ source: [JSONValue], _ rendered: [JSONValue]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var usedSource = Set<Int>()
        var usedRendered = Set<Int>()
        // Equal elements.
        for (sourceIndex, item) in source.enumerated() {
            if let renderedIndex = rendered.indices.first(where: { !usedRendered.contains($0) && rendered[$0] == item }) {
                pairs.append((sourceIndex, renderedIndex))
                usedSource.insert(sourceIndex)
                usedRendered.insert(renderedIndex)
            }
        }
        // The same identifying key.
        for (sourceIndex, item) in source.enumerated() where !usedSource.contains(sourceIndex) {
            guard let key = identifyingKey(item) else { continue }
            if let renderedIndex = rendered.indices.first(where: { !usedRendered.contains($0) && identifyingKey(rendered[$0]) == key }) {
                pairs.append((sourceIndex, renderedIndex))
                usedSource.insert(sourceIndex)
                usedRendered.insert(renderedIndex)
            }
        }
        // The most similar object of the same type.
        for (renderedIndex, item) in rendered.enumerated() where !usedRendered.contains(renderedIndex) {
            guard case .object = item else { continue }
            var best: (index: Int, score: Int)?
            for (sourceIndex, candidate) in source.enumerated() where !usedSource.contains(sourceIndex) {
                guard case .object = candidate, candidate["type"] == item["type"] else { continue }
                let score = similarity(candidate, item)
                if score > (best?.score ?? -1) { best = (sourceIndex, score) }
            }
            if let best {
                pairs.append((best.index, renderedIndex))
                usedSource.insert(best.index)
                usedRendered.insert(renderedIndex)
            }
        }
        return pairs
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
