import MicrocredModel
import XMLSupport

/// Elements of `CodeType`: a concept with its English label.
enum ELMCodes {
    /// The element `local` naming `concept`: `uri`, `targetFrameworkUrl` and an English `targetName`.
    ///
    /// A batch names the same few concepts in every credential, so each element is built once and
    /// shared: a copy costs one reference count, and the credentials that hold it free nothing.
    static func code(_ local: String, _ concept: ELMConcept) -> XMLElement {
        built.value(for: Key(local: local, concept: concept)) {
            .snb(
                local,
                attributes: [XMLAttribute(localName: "targetFrameworkUrl", value: concept.scheme), XMLAttribute(localName: "uri", value: concept.iri)],
                children: [.element(.snb("targetName", attributes: [], children: [.element(ELMTexts.text(language: "en", concept.label))]))])
        }
    }

    private struct Key: Hashable, Sendable {
        var local: String
        var concept: ELMConcept

        /// The IRI alone: it nearly always tells concepts apart, and hashing one string instead
        /// of four is most of the cost of a look-up.
        func hash(into hasher: inout Hasher) {
            hasher.combine(concept.iri)
        }
    }

    /// The elements built so far.
    private static let built = BoundedCache<Key, XMLElement>(capacity: 1024)
}
