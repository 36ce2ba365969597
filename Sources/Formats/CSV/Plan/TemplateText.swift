/// A template that builds a value from other columns: `{Vorname} {Nachname}`. `{{` and `}}` stand
/// for literal braces.
struct TemplateText: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        case column(String)
    }

    let parts: [Part]

    /// The columns the template reads, in order.
    var columns: [String] {
        parts.compactMap {
            if case .column(let name) = $0 { name } else { nil }
        }
    }

    /// Parses `text`, or says what is wrong with it.
    static func parse(_ text: String) -> Result<TemplateText, TemplateTextError> {
        var parts: [Part] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "{" {
                if next < text.endIndex, text[next] == "{" {
                    literal.append("{")
                    index = text.index(after: next)
                    continue
                }
                guard let close = text[next...].firstIndex(of: "}") else {
                    return .failure(TemplateTextError(message: "template '\(text)' has an unclosed '{'"))
                }
                let name = String(text[next..<close])
                guard !name.isEmpty else { return .failure(TemplateTextError(message: "template '\(text)' has an empty '{}'")) }
                if !literal.isEmpty {
                    parts.append(.literal(literal))
                    literal = ""
                }
                parts.append(.column(name))
                index = text.index(after: close)
            } else if character == "}" {
                if next < text.endIndex, text[next] == "}" {
                    literal.append("}")
                    index = text.index(after: next)
                    continue
                }
                return .failure(TemplateTextError(message: "template '\(text)' has a '}' without '{'"))
            } else {
                literal.append(character)
                index = next
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        guard parts.contains(where: { if case .column = $0 { true } else { false } }) else {
            return .failure(TemplateTextError(message: "template '\(text)' names no column"))
        }
        return .success(TemplateText(parts: parts))
    }
}

/// Why a template cannot be used.
struct TemplateTextError: Error, Sendable, Hashable, CustomStringConvertible {
    var message: String
    var description: String { message }
}
