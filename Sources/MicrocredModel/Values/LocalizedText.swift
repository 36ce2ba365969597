/// Text given in one or more languages, in the order the source gave them.
///
/// In the model format a single text with no language is written as a plain string; anything
/// else as a list of `{"language": "de", "value": "…"}` entries.
public struct LocalizedText: Hashable, Sendable {
    /// One language version of the text.
    public struct Entry: Hashable, Sendable, Codable {
        /// An ISO 639-1 code (`en`) where known, or the language tag as the source gave it.
        public var language: String?
        public var value: String

        public init(language: String? = nil, value: String) {
            self.language = language
            self.value = value
        }
    }

    /// The language versions, first is the primary one.
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// One text, optionally in a known language.
    public init(_ value: String, language: String? = nil) {
        self.entries = [Entry(language: language, value: value)]
    }

    /// The primary text (the first entry).
    public var primary: String? { entries.first?.value }

    /// The text in `language`, or `nil`.
    public func value(in language: String) -> String? {
        entries.first { $0.language?.lowercased() == language.lowercased() }?.value
    }

    /// Whether there is no non-empty text in any language.
    public var isBlank: Bool {
        // By index: each entry's text is read where it is, without copying the entry.
        for index in entries.indices where !Self.isBlank(entries[index].value) { return false }
        return true
    }

    /// Whether every character of `text` is white space; most texts are told apart by their
    /// first byte, without breaking them into characters.
    static func isBlank(_ text: String) -> Bool {
        // Read in place: copying the text to call `withUTF8` would count a reference.
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            for byte in bytes {
                // A byte beyond ASCII may combine with the white space before it: ask the characters.
                guard byte < 0x80 else { return nil }
                guard Unicode.Scalar(byte).isWhiteSpace else { return false }
            }
            return true
        }
        return (answer ?? nil) ?? text.allSatisfy(\.isWhitespace)
    }
}

extension LocalizedText: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}

extension LocalizedText: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.init(text)
        } else {
            self.init(entries: try container.decode([Entry].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if entries.count == 1, entries[0].language == nil {
            try container.encode(entries[0].value)
        } else {
            try container.encode(entries)
        }
    }
}
