import MicrocredModel

/// Model ``Identifier``s as OB 3.0 IdentifierEntry objects, with an `identifierDetail` extension
/// list for what an IdentifierEntry cannot hold (a scheme outside the vocabulary, the assigning
/// organisation).
///
/// An IdentifierEntry allows no further members, so an identifier whose scheme cannot be written
/// is written with the generic type `identifier`, and `identifierDetail` (in the order of the
/// identifiers) gives `{"notation": value, "schemeName": scheme, "schemeAgency": issuer}`.
enum IdentifierCoding {
    /// The IdentifierEntry objects and the detail entries for `identifiers`.
    static func encode(_ identifiers: [Identifier]) -> (entries: [JSONValue], details: [JSONValue]) {
        var entries: [JSONValue] = []
        var details: [JSONValue] = []
        for identifier in identifiers {
            let type = IdentifierTypes.type(forScheme: identifier.scheme)
            entries.append(
                .object([
                    JSONMember("type", "IdentifierEntry"), JSONMember("identifier", .string(identifier.value)),
                    JSONMember("identifierType", .string(type ?? IdentifierTypes.generic)),
                ]))
            if type == nil || identifier.issuer != nil { details.append(detail(identifier)) }
        }
        return (entries, details)
    }

    /// The detail entry for one identifier.
    static func detail(_ identifier: Identifier) -> JSONValue {
        var builder = JSONObjectBuilder()
        builder.add("notation", string: identifier.value)
        builder.add("schemeName", string: identifier.scheme)
        builder.add("schemeAgency", string: identifier.issuer)
        return builder.value
    }

    /// The identifiers of IdentifierEntry objects; entries that are not usable are skipped.
    static func decode(entries: [JSONValue]) -> [Identifier] {
        entries.compactMap { entry in
            guard let value = entry["identifier"]?.stringValue else { return nil }
            let type = entry["identifierType"]?.stringValue ?? IdentifierTypes.generic
            return Identifier(value, scheme: IdentifierTypes.scheme(forType: type))
        }
    }

    /// Applies detail entries to `identifiers`: each sets the scheme and issuer of the first
    /// identifier with the same value that has no detail yet.
    static func apply(details: [JSONValue], to identifiers: inout [Identifier]) {
        var detailed = Set<Int>()
        for detail in details {
            guard let value = detail["notation"]?.stringValue,
                let index = identifiers.indices.first(where: { !detailed.contains($0) && identifiers[$0].value == value })
            else { continue }
            detailed.insert(index)
            identifiers[index].scheme = detail["schemeName"]?.stringValue
            identifiers[index].issuer = detail["schemeAgency"]?.stringValue
        }
    }
}
