/// A controlled-vocabulary concept as a credential document holds it: the concept IRI (`uri`),
/// its English label (`targetName`) and its concept scheme (`targetFrameworkUrl`).
struct ELMConcept: Hashable, Sendable {
    var iri: String
    var label: String
    var scheme: String
}
