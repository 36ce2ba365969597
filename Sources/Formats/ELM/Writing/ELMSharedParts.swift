import MicrocredModel
import MicrocredPipeline
import XMLSupport

/// Parts of credential documents that the credentials of a run repeat, built once and shared by
/// the builders of one reader or writer: an issuer's `organization` element is the same in every
/// credential it issues.
///
/// A part depends on the builder's concepts too, so each set of parts belongs with one
/// ``ELMConcepts`` (the decoder or writer that holds both).
final class ELMSharedParts: Sendable {
    /// What an `organization` element is built from.
    struct OrganisationKey: Hashable, Sendable {
        var id: String
        var organisation: Organisation
        /// The model field named in its diagnostics.
        var field: String
        /// The language of its texts that name none.
        var primaryLanguage: String
    }

    /// A built part and the diagnostics building it gave, which every credential that holds it
    /// reports again.
    struct Built: Sendable {
        var element: XMLElement
        var diagnostics: [Diagnostic]
    }

    let organisations = BoundedCache<OrganisationKey, Built>(capacity: 256)

    init() {}
}
