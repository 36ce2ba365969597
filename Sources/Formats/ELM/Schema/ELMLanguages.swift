import MicrocredModel

/// The languages `genericschema_1.2` allows for text (`text/@lang`, `primaryLanguage`,
/// `availableLanguages/language`): 29 two-letter ISO 639-1 codes of EU and EEA languages.
enum ELMLanguages {
    /// The allowed codes.
    static let allowed: Set<String> = [
        "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "is", "it", "lt", "lv", "mk",
        "mt", "nl", "no", "pl", "pt", "ro", "sk", "sl", "sr", "sv", "tr",
    ]

    /// The language used when a credential's texts name none.
    static let fallback = "en"

    /// The schema code for a text's language tag: the tag itself, lowercased, or its primary
    /// subtag (`en-GB` → `en`, `de_AT` → `de`); `nil` when that is not an allowed code.
    static func code(for tag: String) -> String? {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return allowed.contains(primary) ? primary : nil
    }

    /// The schema languages that more than one entry of `text` is written in (an entry without a
    /// language counts as `primary`), in order of first repetition.
    static func duplicates(in text: LocalizedText?, primary: String) -> [String] {
        var seen: Set<String> = []
        var duplicates: [String] = []
        for entry in text?.entries ?? [] {
            guard let code = entry.language.map(code(for:)) ?? primary else { continue }
            if !seen.insert(code).inserted, !duplicates.contains(code) { duplicates.append(code) }
        }
        return duplicates
    }

    /// The primary language of a credential: the first allowed language of its title, else of
    /// any of its texts, else English.
    static func primary(of credential: Credential) -> String {
        for entry in credential.displayTitle?.entries ?? [] {
            if let language = entry.language, let code = code(for: language) { return code }
        }
        var found: String?
        credential.visitTexts { _, text in
            found = text.entries.lazy.compactMap { $0.language.flatMap(code(for:)) }.first
            return found == nil
        }
        return found ?? fallback
    }
}
