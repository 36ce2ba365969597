import MicrocredModel

/// The `localized` extension member: language maps for native string properties whose text has
/// language tags or several versions (see ``LocalizedJSON``).
enum LocalizedMember {
    /// `localized: {field: map…}` for the fields that need it, or `nil`.
    static func member(_ fields: [(name: String, text: LocalizedText?)]) -> JSONMember? {
        var members: [JSONMember] = []
        for field in fields {
            guard let text = field.text, LocalizedJSON.needsLanguageMap(text) else { continue }
            members.append(JSONMember(field.name, LocalizedJSON.languageMap(text)))
        }
        return members.isEmpty ? nil : JSONMember(MicrocredExtension.Term.localized, .object(members))
    }

    /// The text of `field`: the language map in `localized` when present, else the native string.
    static func text(of object: JSONValue, field: String) -> LocalizedText? {
        if let map = object[MicrocredExtension.Term.localized]?[field], let text = LocalizedJSON.decode(map) { return text }
        guard let plain = object[field]?.stringValue else { return nil }
        return LocalizedText(plain)
    }

    /// Whether `localized` gives a language map for `field`.
    static func hasMap(_ object: JSONValue, field: String) -> Bool {
        object[MicrocredExtension.Term.localized]?[field] != nil
    }
}
