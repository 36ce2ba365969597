import XMLSupport

/// The paths of unmapped fields: where a kept element or attribute sits in the credential
/// (`/europassCredential/credentialSubject[1]/gender[1]`,
/// `/europassCredential/agentReferences[1]/organization[@id='urn:epass:org:2']`,
/// `/europassCredential/credentialSubject[1]/achievements[1]/learningAchievement[1]/@id`).
enum ELMPath {
    /// The path of the credential element.
    static let root = "/" + ELMNamespace.credential

    /// The last step of a path.
    enum Step: Equatable {
        case element(ELMName)
        case attribute(ELMName)
    }

    /// The path of a container's only child `name`, which the writer also builds.
    static func container(_ parent: String, _ name: ELMName) -> String {
        "\(parent)/\(name)[1]"
    }

    /// The path of a kept child element: selected by its `id` where it has one, else by its
    /// position among the kept children of the same name.
    static func keptChild(_ parent: String, _ element: XMLElement, position: Int) -> String {
        let name = ELMName(of: element)
        if let id = element.attribute("id") {
            let quote = id.contains("'") ? "\"" : "'"
            return "\(parent)/\(name)[@id=\(quote)\(id)\(quote)]"
        }
        return "\(parent)/\(name)[\(position)]"
    }

    /// The path of a kept attribute.
    static func attribute(_ parent: String, _ attribute: XMLAttribute) -> String {
        "\(parent)/@\(ELMName(of: attribute))"
    }

    /// The parent path and last step of `path`, or `nil` when it is not such a path.
    static func split(_ path: String) -> (parent: String, step: Step)? {
        var lastSlash: String.Index?
        var bracketDepth = 0
        var braceDepth = 0
        var quote: Character?
        var index = path.startIndex
        while index < path.endIndex {
            let character = path[index]
            if let open = quote {
                if character == open { quote = nil }
            } else {
                switch character {
                case "'" where bracketDepth > 0, "\"" where bracketDepth > 0: quote = character
                case "[": bracketDepth += 1
                case "]": bracketDepth -= 1
                case "{": braceDepth += 1
                case "}": braceDepth -= 1
                case "/" where bracketDepth == 0 && braceDepth == 0: lastSlash = index
                default: break
                }
            }
            index = path.index(after: index)
        }
        guard let lastSlash, lastSlash > path.startIndex else { return nil }
        let parent = String(path[..<lastSlash])
        var step = path[path.index(after: lastSlash)...]
        if step.hasPrefix("@") {
            guard let name = ELMName(step: step.dropFirst(), defaultNamespace: nil) else { return nil }
            return (parent, .attribute(name))
        }
        let nameStart = step.hasPrefix("{") ? (step.firstIndex(of: "}") ?? step.startIndex) : step.startIndex
        if let bracket = step[nameStart...].firstIndex(of: "[") {
            step = step[..<bracket]
        }
        guard let name = ELMName(step: step, defaultNamespace: ELMNamespace.snb) else { return nil }
        return (parent, .element(name))
    }
}
