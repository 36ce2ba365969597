/// A model field path as written in mapping files: `learner.givenNames`,
/// `awardingBodies[0].name@de`, `achievement.learningOutcomes[].text`,
/// `achievement.workload.credits.ECTS`.
///
/// Grammar: segments separated by `.`; each segment is a member name, optionally followed by
/// `[N]` (the element at 0-based position N of a list) or `[]` (every element: one value per
/// part of a split cell), optionally followed by `@lang` (one language version of a text).
struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    enum Index: Hashable, Sendable {
        /// `[]`: every element.
        case spread
        /// `[N]`.
        case position(Int)
    }

    struct Segment: Hashable, Sendable {
        var name: String
        var index: Index?
        var language: String?
    }

    var segments: [Segment]
    let text: String

    /// Parses `text`.
    init(parsing text: String) throws(FieldPathError) {
        self.text = text
        guard !text.isEmpty else { throw FieldPathError("the field path is empty") }
        var segments: [Segment] = []
        for piece in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(piece)
            var language: String?
            if let at = rest.firstIndex(of: "@") {
                let tag = rest[rest.index(after: at)...]
                guard !tag.isEmpty, tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                    throw FieldPathError(
                        "'\(text)' has a malformed language tag '@\(tag)'", hint: "write a language code after @, as in title@de")
                }
                language = String(tag)
                rest = rest[..<at]
            }
            var index: Index?
            if let open = rest.firstIndex(of: "[") {
                guard rest.last == "]" else {
                    throw FieldPathError("'\(text)' has an unclosed '[' in '\(piece)'", hint: "write [] or [0]")
                }
                let inner = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
                if inner.isEmpty {
                    index = .spread
                } else if let position = Int(inner), position >= 0 {
                    index = .position(position)
                } else {
                    throw FieldPathError(
                        "'\(text)' has an invalid index '[\(inner)]'", hint: "write [] for every element or [0], [1]… for one")
                }
                rest = rest[..<open]
            }
            guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
            else {
                throw FieldPathError(
                    "'\(text)' is not a field path", hint: "paths are member names joined by dots, as in learner.givenNames")
            }
            segments.append(Segment(name: String(rest), index: index, language: language))
        }
        self.segments = segments
    }

    var description: String { text }

    /// Whether the path has a `[]`.
    var isSpread: Bool { segments.contains { $0.index == .spread } }

    /// The path with every `[N]` written as `[]`, to compare a concrete path with a pattern.
    var pattern: String {
        segments.map { segment in
            var text = segment.name
            if segment.index != nil { text += "[]" }
            if let language = segment.language { text += "@" + language }
            return text
        }.joined(separator: ".")
    }
}

/// Why a field path does not name a model field.
struct FieldPathError: Error, Sendable, Hashable {
    var message: String
    var hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}
