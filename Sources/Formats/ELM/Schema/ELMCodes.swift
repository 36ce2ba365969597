import XMLSupport

/// Elements of `CodeType`: a concept with its English label.
enum ELMCodes {
    /// The element `local` naming `concept`: `uri`, `targetFrameworkUrl` and an English `targetName`.
    static func code(_ local: String, _ concept: ELMConcept) -> XMLElement {
        // Built directly (not through `snb`): a credential holds a dozen of these.
        XMLElement(
            localName: local, namespaceURI: ELMNamespace.snb,
            attributes: [XMLAttribute(localName: "targetFrameworkUrl", value: concept.scheme), XMLAttribute(localName: "uri", value: concept.iri)],
            children: [
                .element(XMLElement(localName: "targetName", namespaceURI: ELMNamespace.snb, children: [.element(ELMTexts.text(language: "en", concept.label))]))
            ])
    }
}
