import XMLSupport

/// Elements of `CodeType`: a concept with its English label.
enum ELMCodes {
    /// The element `local` naming `concept`: `uri`, `targetFrameworkUrl` and an English `targetName`.
    static func code(_ local: String, _ concept: ELMConcept) -> XMLElement {
        .snb(
            local, attributes: [XMLAttribute(localName: "targetFrameworkUrl", value: concept.scheme), XMLAttribute(localName: "uri", value: concept.iri)],
            children: [.element(.snb("targetName", attributes: [], children: [.element(ELMTexts.text(language: "en", concept.label))]))])
    }
}
