import Foundation
import MicrocredModel

/// How to read and change one member of a value in place: a `read` that lends the member to a
/// function and a `modify` that hands it out `inout`, so that neither copies it (reading a field
/// deep in a credential would otherwise copy every struct on the way, and changing a nested
/// list would copy the list).
///
/// (Key paths would be shorter to write, but a key path through a property wrapper such as
/// `@OmitEmpty` is a get-then-set that copies the list on every change.)
struct Slot<Root, Value> {
    let read: (Root, (Value) -> FieldValues) -> FieldValues
    let modify: (inout Root, (inout Value) throws -> Void) throws -> Void

    init(
        _ read: @escaping (Root, (Value) -> FieldValues) -> FieldValues,
        _ modify: @escaping (inout Root, (inout Value) throws -> Void) throws -> Void
    ) {
        self.read = read
        self.modify = modify
    }
}

/// Reads and writes one field of a `Root` value, or for `format: json` one whole subtree.
///
/// Accesses are built once per mapping (see ``FieldNode``) by composing small closures along the
/// path, so mapping a cell costs one closure call per path segment and no lookups.
struct FieldAccess<Root>: @unchecked Sendable {
    /// What a cell holds for this field.
    var kind: FieldKind
    /// Whether the path has a `[]` (one value per element).
    var isSpread: Bool
    /// Stores a value: at element `index` of the `[]` list for a spread path (`index` is ignored
    /// otherwise). Throws ``FieldValueError``.
    var set: (inout Root, Int, FieldValue) throws -> Void
    /// The values: one per element for a spread path; otherwise one, `nil` when absent.
    var get: (Root) -> FieldValues

    /// The access moved under member `slot` of a `Parent`.
    func through<Parent>(_ slot: Slot<Parent, Root>) -> FieldAccess<Parent> {
        let set = self.set
        let get = self.get
        return FieldAccess<Parent>(
            kind: kind, isSpread: isSpread,
            set: { parent, index, value in try slot.modify(&parent) { try set(&$0, index, value) } },
            get: { parent in slot.read(parent, get) })
    }

    /// The access moved under optional member `slot`, created with `make` when first set.
    func through<Parent>(_ slot: Slot<Parent, Root?>, make: @escaping () -> Root) -> FieldAccess<Parent> {
        let set = self.set
        let get = self.get
        let isSpread = self.isSpread
        return FieldAccess<Parent>(
            kind: kind, isSpread: isSpread,
            set: { parent, index, value in
                try slot.modify(&parent) { optional in
                    var child = optional ?? make()
                    optional = nil
                    defer { optional = child }
                    try set(&child, index, value)
                }
            },
            get: { parent in
                slot.read(parent) { child in
                    guard let child else { return isSpread ? .list([]) : .one(nil) }
                    return get(child)
                }
            })
    }

    /// The access moved under element `position` of list `slot`; the list is padded with `make()`
    /// elements when shorter.
    func through<Parent>(_ slot: Slot<Parent, [Root]>, position: Int, make: @escaping () -> Root) -> FieldAccess<Parent> {
        let set = self.set
        let get = self.get
        let isSpread = self.isSpread
        return FieldAccess<Parent>(
            kind: kind, isSpread: isSpread,
            set: { parent, index, value in
                try slot.modify(&parent) { list in
                    while list.count <= position { list.append(make()) }
                    try set(&list[position], index, value)
                }
            },
            get: { parent in
                slot.read(parent) { list in
                    guard position < list.count else { return isSpread ? .list([]) : .one(nil) }
                    return get(list[position])
                }
            })
    }

    /// The access moved under every element of list `slot` (a `[]` path).
    func spread<Parent>(_ slot: Slot<Parent, [Root]>, make: @escaping () -> Root) -> FieldAccess<Parent> {
        let set = self.set
        let get = self.get
        return FieldAccess<Parent>(
            kind: kind, isSpread: true,
            set: { parent, index, value in
                try slot.modify(&parent) { list in
                    while list.count <= index { list.append(make()) }
                    try set(&list[index], 0, value)
                }
            },
            get: { parent in slot.read(parent) { list in .list(list.map { get($0).first }) } })
    }
}

extension FieldAccess where Root: Codable {
    /// The whole value as model JSON (`format: json` on an object or list).
    static var whole: FieldAccess<Root> {
        FieldAccess(
            kind: .structure, isSpread: false,
            set: { root, _, value in
                guard case .json(let json) = value else {
                    throw FieldValueError(message: "this field is an object or a list: its cell must hold JSON (format: json)")
                }
                do {
                    root = try JSONValueDecoder().decode(Root.self, from: json)
                } catch {
                    throw FieldValueError(message: "the JSON does not have the shape of the field: \(Self.describe(error))")
                }
            },
            get: { root in
                // An empty list is no value: the cell stays empty.
                guard let json = try? JSONValueEncoder().encode(root), json != .array([]) else { return .one(nil) }
                return .one(.json(json))
            })
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "member '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "'\(path)': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

extension FieldAccess {
    /// A leaf holding an optional scalar.
    static func scalar<T: FieldScalar>(_ slot: Slot<Root, T?>) -> FieldAccess<Root> {
        FieldAccess(
            kind: T.fieldKind, isSpread: false,
            set: { root, _, value in
                let typed = try T.from(value)
                try slot.modify(&root) { $0 = typed }
            },
            get: { root in slot.read(root) { .one($0?.fieldValue) } })
    }

    /// A leaf holding a required scalar.
    static func scalar<T: FieldScalar>(_ slot: Slot<Root, T>) -> FieldAccess<Root> {
        FieldAccess(
            kind: T.fieldKind, isSpread: false,
            set: { root, _, value in
                let typed = try T.from(value)
                try slot.modify(&root) { $0 = typed }
            },
            get: { root in slot.read(root) { .one($0.fieldValue) } })
    }

    /// One language version of an optional text (`title@de`), or the version without a language
    /// when `language` is `nil` and the value is plain text.
    static func localized(_ slot: Slot<Root, LocalizedText?>, language: String?) -> FieldAccess<Root> {
        FieldAccess(
            kind: language == nil ? .localized : .text, isSpread: false,
            set: { root, _, value in
                try slot.modify(&root) { optional in
                    var text = optional ?? LocalizedText(entries: [])
                    optional = nil
                    defer { optional = text }
                    try LocalizedText.store(value, language: language, in: &text)
                }
            },
            get: { root in slot.read(root) { .one($0.flatMap { $0.fieldValue(language: language) }) } })
    }

    /// One language version of a required text.
    static func localized(_ slot: Slot<Root, LocalizedText>, language: String?) -> FieldAccess<Root> {
        FieldAccess(
            kind: language == nil ? .localized : .text, isSpread: false,
            set: { root, _, value in try slot.modify(&root) { try LocalizedText.store(value, language: language, in: &$0) } },
            get: { root in slot.read(root) { .one($0.fieldValue(language: language)) } })
    }

    /// Every element of a list of scalars (`achievement.languages[]`): values are appended in
    /// order, so empty parts of a split cell leave no gaps.
    static func scalarSpread<T: FieldScalar>(_ slot: Slot<Root, [T]>) -> FieldAccess<Root> {
        FieldAccess(
            kind: T.fieldKind, isSpread: true,
            set: { root, _, value in
                let typed = try T.from(value)
                try slot.modify(&root) { $0.append(typed) }
            },
            get: { root in slot.read(root) { list in .list(list.map { $0.fieldValue }) } })
    }

    /// Element `position` of a list of scalars.
    static func scalarElement<T: FieldScalar>(_ slot: Slot<Root, [T]>, position: Int, filler: T) -> FieldAccess<Root> {
        FieldAccess(
            kind: T.fieldKind, isSpread: false,
            set: { root, _, value in
                let typed = try T.from(value)
                try slot.modify(&root) { list in
                    while list.count <= position { list.append(filler) }
                    list[position] = typed
                }
            },
            get: { root in slot.read(root) { list in .one(position < list.count ? list[position].fieldValue : nil) } })
    }

    /// The points of the credit entry in `framework` (`achievement.workload.credits.ECTS`),
    /// added when the list has none.
    static func credits(_ slot: Slot<Root, [CreditPoints]>, framework: String) -> FieldAccess<Root> {
        func matches(_ entry: CreditPoints) -> Bool { entry.framework.caseInsensitiveCompare(framework) == .orderedSame }
        return FieldAccess(
            kind: .decimal, isSpread: false,
            set: { root, _, value in
                let points = try DecimalNumber.from(value)
                try slot.modify(&root) { list in
                    if let index = list.firstIndex(where: matches) {
                        list[index].points = points
                    } else {
                        list.append(CreditPoints(framework: framework, points: points))
                    }
                }
            },
            get: { root in slot.read(root) { list in .one(list.first(where: matches).map { .decimal($0.points) }) } })
    }
}

extension LocalizedText {
    /// Stores `value` as the version in `language` (or, with no language, the untagged version;
    /// a whole text given as JSON replaces every version).
    static func store(_ value: FieldValue, language: String?, in text: inout LocalizedText) throws(FieldValueError) {
        switch value {
        case .text(let string):
            if let index = text.entries.firstIndex(where: { $0.language == language }) {
                text.entries[index].value = string
            } else {
                text.entries.append(Entry(language: language, value: string))
            }
        case .localized(let whole) where language == nil:
            text = whole
        case .json(let json) where language == nil:
            text = try LocalizedText.from(.json(json))
        case .json(.string(let string)):
            try store(.text(string), language: language, in: &text)
        default:
            throw FieldValueError(message: "expected text")
        }
    }

    /// The value for a plain access (`language` nil: the whole text) or one language's version.
    func fieldValue(language: String?) -> FieldValue? {
        guard let language else { return entries.isEmpty ? nil : .localized(self) }
        return entries.first { $0.language == language }.map { .text($0.value) }
    }
}
