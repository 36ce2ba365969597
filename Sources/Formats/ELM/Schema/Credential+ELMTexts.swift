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
    /// Every multilingual text the ELM writer can write, with the model path of each, in the order
    /// the document holds them.
    var allTexts: [LocalizedText] { textsWithPaths.map(\.text) }

    /// Every multilingual text the ELM writer can write, with its model path.
    var textsWithPaths: [(path: ELMTextPath, text: LocalizedText)] {
        var texts: [(ELMTextPath, LocalizedText?)] = [
            (ELMTextPath(base: "title"), title), (ELMTextPath(base: "description"), description),
            (ELMTextPath(base: "achievement.title"), achievement.title),
            (ELMTextPath(base: "achievement.description"), achievement.description),
            (ELMTextPath(base: "achievement.prerequisites"), achievement.prerequisites),
            (ELMTextPath(base: "achievement.criteria.narrative"), achievement.criteria?.narrative),
            (ELMTextPath(base: "achievement.stacking.note"), achievement.stacking.note),
            (ELMTextPath(base: "achievement.assessment.description"), achievement.assessment.description),
            (ELMTextPath(base: "furtherInformation"), furtherInformation),
        ]
        for (index, outcome) in achievement.learningOutcomes.enumerated() {
            texts.append((ELMTextPath(base: "achievement.learningOutcomes", item: (index, "text")), outcome.text))
        }
        for (index, assurance) in achievement.qualityAssurance.enumerated() {
            texts.append((ELMTextPath(base: "achievement.qualityAssurance", item: (index, "description")), assurance.description))
        }
        if let issuer { texts.append((ELMTextPath(base: "issuer.name"), issuer.name)) }
        for (index, body) in awardingBodies.enumerated() {
            texts.append((ELMTextPath(base: "awardingBodies", item: (index, "name")), body.name))
        }
        return texts.compactMap { path, text in text.map { (path, $0) } }
    }
}
