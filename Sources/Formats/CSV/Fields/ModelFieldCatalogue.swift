import MicrocredModel

/// Every model field a mapping file can address, as path patterns (`[]` marks a list; any `[]`
/// may also be written `[0]`, `[1]`…).
public enum ModelFieldCatalogue {
    /// One addressable leaf.
    public struct Entry: Sendable, Hashable {
        /// The path pattern (`awardingBodies[].name`).
        public var path: String
        /// What a cell holds: `text`, `integer`, `decimal`, `date`, `timestamp` (date or
        /// date-time), `localized` (text; `@lang` picks a language version), `cycle`, `json`.
        public var kind: String
    }

    /// The leaves, in model order. Objects and lists themselves (`awardingBodies`,
    /// `achievement.alignments`) are also addressable, with `format: json`.
    public static let leaves: [Entry] = walk(Credential.self, prefix: "")

    /// The objects and lists that can be given whole as JSON (`format: json`).
    public static let structures: [String] = structures(Credential.self, prefix: "")

    private static func walk(_ type: any FieldNode.Type, prefix: String) -> [Entry] {
        var entries: [Entry] = []
        for (name, shape) in type.memberShapes {
            let path = prefix + name
            switch shape {
            case .scalar(let kind): entries.append(Entry(path: path, kind: kind.rawValue))
            case .localized: entries.append(Entry(path: path, kind: FieldKind.localized.rawValue))
            case .node(let child): entries += walk(child, prefix: path + ".")
            case .nodeList(let child): entries += walk(child, prefix: path + "[].")
            case .scalarList(let kind): entries.append(Entry(path: path + "[]", kind: kind.rawValue))
            case .credits:
                entries.append(Entry(path: path + "[].framework", kind: FieldKind.text.rawValue))
                entries.append(Entry(path: path + "[].points", kind: FieldKind.decimal.rawValue))
                entries.append(Entry(path: path + ".<FRAMEWORK>", kind: FieldKind.decimal.rawValue))
            }
        }
        return entries
    }

    private static func structures(_ type: any FieldNode.Type, prefix: String) -> [String] {
        var paths: [String] = []
        for (name, shape) in type.memberShapes {
            let path = prefix + name
            switch shape {
            case .node(let child):
                paths.append(path)
                paths += structures(child, prefix: path + ".")
            case .nodeList(let child):
                paths.append(path)
                paths += structures(child, prefix: path + "[].")
            case .scalarList, .credits:
                paths.append(path)
            case .scalar, .localized:
                break
            }
        }
        return paths
    }

    /// Whether `path` names a model field (a leaf, or an object or list for `format: json`).
    public static func isValid(_ path: String) -> Bool {
        (try? resolve(path)) != nil
    }

    /// The access for `path`.
    static func resolve(_ path: String) throws(FieldPathError) -> (path: FieldPath, access: FieldAccess<Credential>) {
        let parsed = try FieldPath(parsing: path)
        return (parsed, try Credential.resolve(parsed.segments[...]))
    }
}
