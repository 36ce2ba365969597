import MicrocredModel

/// A model type whose members mapping files can address.
///
/// Each type lists its members once (``members``); ``resolve(_:)`` turns path segments into a
/// ``FieldAccess`` by walking that list.
protocol FieldNode: Codable {
    /// The type's name in messages (`Learner`, `Organisation`).
    static var typeName: String { get }
    /// The members a path may name, in model order.
    static var members: [FieldMember<Self>] { get }
}

/// What a member of a ``FieldNode`` holds, for the catalogue of paths.
enum FieldShape {
    case scalar(FieldKind)
    case localized
    case node(any FieldNode.Type)
    case nodeList(any FieldNode.Type)
    case scalarList(FieldKind)
    /// A list of credit points, also addressable by framework (`credits.ECTS`).
    case credits
}

/// How one member of a ``FieldNode`` is reached and what it holds.
struct FieldMember<Root>: @unchecked Sendable {
    var name: String
    var shape: FieldShape
    /// The access for this member given its segment (index, language) and the segments after it.
    var resolve: (FieldPath.Segment, ArraySlice<FieldPath.Segment>) throws(FieldPathError) -> FieldAccess<Root>
}

extension FieldNode {
    /// The members' names and shapes (usable through `any FieldNode.Type`).
    static var memberShapes: [(name: String, shape: FieldShape)] { members.map { ($0.name, $0.shape) } }

    /// The access for the path `segments` below a value of this type; no segments is the whole
    /// value (JSON only).
    static func resolve(_ segments: ArraySlice<FieldPath.Segment>) throws(FieldPathError) -> FieldAccess<Self> {
        guard let first = segments.first else { return .whole }
        guard let member = members.first(where: { $0.name == first.name }) else {
            let names = members.map(\.name)
            let suggestion = FieldNames.closest(to: first.name, in: names).map { "did you mean '\($0)'? " } ?? ""
            throw FieldPathError(
                "\(typeName) has no field '\(first.name)'",
                hint: "\(suggestion)fields of \(typeName): \(names.joined(separator: ", "))")
        }
        return try member.resolve(first, segments.dropFirst())
    }
}

extension FieldMember {
    /// A scalar member that may be absent.
    static func scalar<T: FieldScalar>(_ name: String, _ slot: Slot<Root, T?>) -> FieldMember {
        FieldMember(name: name, shape: .scalar(T.fieldKind)) { (segment, rest) throws(FieldPathError) in
            try Self.expectLeaf(segment, rest, allowsLanguage: false)
            return .scalar(slot)
        }
    }

    /// A scalar member that is always present.
    static func required<T: FieldScalar>(_ name: String, _ slot: Slot<Root, T>) -> FieldMember {
        FieldMember(name: name, shape: .scalar(T.fieldKind)) { (segment, rest) throws(FieldPathError) in
            try Self.expectLeaf(segment, rest, allowsLanguage: false)
            return .scalar(slot)
        }
    }

    /// A text in several languages that may be absent.
    static func localized(_ name: String, _ slot: Slot<Root, LocalizedText?>) -> FieldMember {
        FieldMember(name: name, shape: .localized) { (segment, rest) throws(FieldPathError) in
            try Self.expectLeaf(segment, rest, allowsLanguage: true)
            return .localized(slot, language: segment.language)
        }
    }

    /// A text in several languages that is always present.
    static func localized(_ name: String, _ slot: Slot<Root, LocalizedText>) -> FieldMember {
        FieldMember(name: name, shape: .localized) { (segment, rest) throws(FieldPathError) in
            try Self.expectLeaf(segment, rest, allowsLanguage: true)
            return .localized(slot, language: segment.language)
        }
    }

    /// A nested object that is always present.
    static func node<Child: FieldNode>(_ name: String, _ slot: Slot<Root, Child>) -> FieldMember {
        FieldMember(name: name, shape: .node(Child.self)) { (segment, rest) throws(FieldPathError) in
            try Self.expectNoIndex(segment)
            return try Child.resolve(rest).through(slot)
        }
    }

    /// A nested object that may be absent; created with `make` when a path below it is set.
    static func optionalNode<Child: FieldNode>(
        _ name: String, _ slot: Slot<Root, Child?>, make: @escaping () -> Child
    ) -> FieldMember {
        FieldMember(name: name, shape: .node(Child.self)) { (segment, rest) throws(FieldPathError) in
            try Self.expectNoIndex(segment)
            return try Child.resolve(rest).through(slot, make: make)
        }
    }

    /// A list of objects; `make` pads it when a later element is set first.
    static func nodeList<Child: FieldNode>(_ name: String, _ slot: Slot<Root, [Child]>, make: @escaping () -> Child)
        -> FieldMember
    {
        FieldMember(name: name, shape: .nodeList(Child.self)) { (segment, rest) throws(FieldPathError) in
            try Self.expectNoLanguage(segment)
            switch segment.index {
            case nil:
                guard rest.isEmpty else {
                    throw FieldPathError(
                        "'\(name)' is a list", hint: "write \(name)[] (one element per part of the cell) or \(name)[0], \(name)[1]…")
                }
                return FieldAccess<[Child]>.whole.through(slot)
            case .spread:
                let child = try Child.resolve(rest)
                guard !child.isSpread else {
                    throw FieldPathError("a path may have only one '[]'", hint: "address the inner list by position, as in [0]")
                }
                return child.spread(slot, make: make)
            case .position(let position):
                return try Child.resolve(rest).through(slot, position: position, make: make)
            }
        }
    }

    /// A list of scalars (`achievement.languages[]`, `achievement.languages[0]`).
    static func scalarList<T: FieldScalar>(_ name: String, _ slot: Slot<Root, [T]>, filler: T) -> FieldMember {
        FieldMember(name: name, shape: .scalarList(T.fieldKind)) { (segment, rest) throws(FieldPathError) in
            try Self.expectNoLanguage(segment)
            guard rest.isEmpty else { throw FieldPathError("'\(name)' is a list of values and has no fields") }
            switch segment.index {
            case nil: return FieldAccess<[T]>.whole.through(slot)
            case .spread: return .scalarSpread(slot)
            case .position(let position): return .scalarElement(slot, position: position, filler: filler)
            }
        }
    }

    /// A list of credit points: by position, every element, or the points in one framework
    /// (`credits.ECTS`).
    static func credits(_ name: String, _ slot: Slot<Root, [CreditPoints]>) -> FieldMember {
        let list = nodeList(name, slot) { CreditPoints(points: DecimalNumber(0)) }
        return FieldMember(name: name, shape: .credits) { (segment, rest) throws(FieldPathError) in
            if segment.index == nil, segment.language == nil, let framework = rest.first, rest.count == 1,
                framework.index == nil, framework.language == nil
            {
                return .credits(slot, framework: framework.name)
            }
            return try list.resolve(segment, rest)
        }
    }

    private static func expectNoIndex(_ segment: FieldPath.Segment) throws(FieldPathError) {
        guard segment.index == nil else {
            throw FieldPathError("'\(segment.name)' is not a list", hint: "remove the [\(segment.index == .spread ? "" : "…")]")
        }
        try expectNoLanguage(segment)
    }

    private static func expectNoLanguage(_ segment: FieldPath.Segment) throws(FieldPathError) {
        guard segment.language == nil else {
            throw FieldPathError(
                "'\(segment.name)' is not a text in several languages", hint: "remove '@\(segment.language ?? "")'")
        }
    }

    private static func expectLeaf(_ segment: FieldPath.Segment, _ rest: ArraySlice<FieldPath.Segment>, allowsLanguage: Bool)
        throws(FieldPathError)
    {
        guard segment.index == nil else {
            throw FieldPathError("'\(segment.name)' is not a list", hint: "remove the [\(segment.index == .spread ? "" : "…")]")
        }
        if !allowsLanguage { try expectNoLanguage(segment) }
        if let next = rest.first {
            throw FieldPathError("'\(segment.name)' is a value and has no field '\(next.name)'")
        }
    }
}

/// Helpers for suggesting a field name.
enum FieldNames {
    /// The name in `names` closest to `name` (edit distance at most a third of its length).
    static func closest(to name: String, in names: [String]) -> String? {
        let lowered = name.lowercased()
        if let exact = names.first(where: { $0.lowercased() == lowered }) { return exact }
        let scored = names.map { ($0, distance(Array(lowered), Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return nil }
        return best.0
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
