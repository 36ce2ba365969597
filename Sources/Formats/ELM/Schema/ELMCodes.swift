import XMLSupport

/// Elements of `CodeType`: a concept with its English label.
enum ELMCodes {
    /// The element `local` naming `concept`: `uri`, `targetFrameworkUrl` and an English `targetName`.
    static func code(_ local: String, _ concept: ELMConcept) -> XMLElement {
        .snb(
            local, [("targetFrameworkUrl", concept.scheme), ("uri", concept.iri)],
            children: [.snb("targetName", children: [ELMTexts.text(language: "en", concept.label)])])
    }
}
