import MicrocredModel

/// How language-tagged text travels in Open Badges JSON.
///
/// Open Badges properties such as `name` hold one plain string, so a writer puts the primary
/// language version there. When a text has a language tag or several versions, the whole text also
/// goes into a JSON-LD language map (`{"en": "Data analysis", "de": "Datenanalyse"}`, `@none` for a
/// version without a tag, an array for several versions in one language) under the extension
/// member `localized`.
enum LocalizedJSON {
    /// The key for a version without a language tag.
    static let noLanguage = "@none"

    /// Whether `text` is more than one untagged string, so a plain string would lose something.
    static func needsLanguageMap(_ text: LocalizedText) -> Bool {
        !(text.entries.count == 1 && text.entries[0].language == nil)
    }

    /// A plain string for one untagged version, a language map otherwise.
    static func encode(_ text: LocalizedText) -> JSONValue {
        needsLanguageMap(text) ? languageMap(text) : .string(text.entries[0].value)
    }

    /// The language map of `text`; versions in one language become an array in their order.
    static func languageMap(_ text: LocalizedText) -> JSONValue {
        var members: [JSONMember] = []
        for entry in text.entries {
            let key = entry.language ?? noLanguage
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value = .array(members[index].value.listValue + [.string(entry.value)])
            } else {
                members.append(JSONMember(key, .string(entry.value)))
            }
        }
        return .object(members)
    }

    /// The text of a plain string or a language map; `nil` for anything else or an empty map.
    static func decode(_ value: JSONValue) -> LocalizedText? {
        switch value {
        case .string(let text):
            return LocalizedText(text)
        case .object(let members):
            var entries: [LocalizedText.Entry] = []
            for member in members {
                let language = member.key == noLanguage ? nil : member.key
                for item in member.value.listValue {
                    guard let text = item.stringValue else { return nil }
                    entries.append(LocalizedText.Entry(language: language, value: text))
                }
            }
            return entries.isEmpty ? nil : LocalizedText(entries: entries)
        default:
            return nil
        }
    }
}
