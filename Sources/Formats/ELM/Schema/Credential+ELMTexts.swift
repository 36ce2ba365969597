import MicrocredModel

extension Credential {
    /// Every multilingual text the ELM writer can write, with the model path of each, in the order
    /// the document holds them.
    var allTexts: [LocalizedText] { textsWithPaths.map(\.text) }

    /// Every multilingual text the ELM writer can write, with its model path.
    var textsWithPaths: [(path: String, text: LocalizedText)] {
        var texts: [(String, LocalizedText?)] = [
            ("title", title), ("description", description), ("achievement.title", achievement.title),
            ("achievement.description", achievement.description), ("achievement.prerequisites", achievement.prerequisites),
            ("achievement.criteria.narrative", achievement.criteria?.narrative), ("achievement.stacking.note", achievement.stacking.note),
            ("achievement.assessment.description", achievement.assessment.description), ("furtherInformation", furtherInformation),
        ]
        for (index, outcome) in achievement.learningOutcomes.enumerated() {
            texts.append(("achievement.learningOutcomes[\(index)].text", outcome.text))
        }
        for (index, assurance) in achievement.qualityAssurance.enumerated() {
            texts.append(("achievement.qualityAssurance[\(index)].description", assurance.description))
        }
        if let issuer { texts.append(("issuer.name", issuer.name)) }
        for (index, body) in awardingBodies.enumerated() { texts.append(("awardingBodies[\(index)].name", body.name)) }
        return texts.compactMap { path, text in text.map { (path, $0) } }
    }
}
