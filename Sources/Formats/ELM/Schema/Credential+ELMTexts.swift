import MicrocredModel

/// The model path of a multilingual text (`achievement.learningOutcomes[2].text`), spelled out
/// only when a diagnostic needs it: the texts are gone through for every record.
struct ELMTextPath: CustomStringConvertible {
    /// The path, or for a text in a list the path of the list.
    var base: String
    /// The position in the list, and the text's member in the list's item.
    var item: (index: Int, member: String)?

    var description: String {
        guard let item else { return base }
        return "\(base)[\(item.index)].\(item.member)"
    }
}

extension Credential {
    /// Calls `visit` with every multilingual text the ELM writer can write and its model path, in
    /// the order the document holds them, until `visit` returns `false`.
    func visitTexts(_ visit: (ELMTextPath, LocalizedText) -> Bool) {
        func next(_ path: @autoclosure () -> ELMTextPath, _ text: LocalizedText?) -> Bool {
            guard let text else { return true }
            return visit(path(), text)
        }
        guard next(ELMTextPath(base: "title"), title), next(ELMTextPath(base: "description"), description),
            next(ELMTextPath(base: "achievement.title"), achievement.title),
            next(ELMTextPath(base: "achievement.description"), achievement.description),
            next(ELMTextPath(base: "achievement.prerequisites"), achievement.prerequisites),
            next(ELMTextPath(base: "achievement.criteria.narrative"), achievement.criteria?.narrative),
            next(ELMTextPath(base: "achievement.stacking.note"), achievement.stacking.note),
            next(ELMTextPath(base: "achievement.assessment.description"), achievement.assessment.description),
            next(ELMTextPath(base: "furtherInformation"), furtherInformation)
        else { return }
        for (index, outcome) in achievement.learningOutcomes.enumerated() {
            guard next(ELMTextPath(base: "achievement.learningOutcomes", item: (index, "text")), outcome.text) else { return }
        }
        for (index, assurance) in achievement.qualityAssurance.enumerated() {
            guard next(ELMTextPath(base: "achievement.qualityAssurance", item: (index, "description")), assurance.description) else { return }
        }
        guard next(ELMTextPath(base: "issuer.name"), issuer?.name) else { return }
        for (index, body) in awardingBodies.enumerated() {
            guard next(ELMTextPath(base: "awardingBodies", item: (index, "name")), body.name) else { return }
        }
    }
}
