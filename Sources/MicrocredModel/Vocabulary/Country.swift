/// A country or territory from `countries.tsv`.
public struct Country: Hashable, Sendable {
    /// ISO 3166-1 alpha-2 code (`DE`; `XK` for Kosovo, user-assigned).
    public let alpha2: String
    /// ISO 3166-1 alpha-3 code (`DEU`; `XKX` for Kosovo, user-assigned).
    public let alpha3: String
    /// EU country authority IRI (`http://publications.europa.eu/resource/authority/country/DEU`).
    public let iri: String
    /// English name as in the EU country authority.
    public let name: String
    /// The EU authority code, the IRI's last segment (`DEU`; `1A0` for Kosovo, `FQ0` for `TF`).
    public let euAuthorityCode: String
    /// The alpha-2 code EU institutions use: `EL` for Greece, `UK` for the United Kingdom, the ISO
    /// code otherwise.
    public let euProtocolCode: String

    /// Creates a country from its fields.
    public init(alpha2: String, alpha3: String, iri: String, name: String, euAuthorityCode: String, euProtocolCode: String) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.iri = iri
        self.name = name
        self.euAuthorityCode = euAuthorityCode
        self.euProtocolCode = euProtocolCode
    }

    /// The country a `countries` concept describes, or `nil` for a concept of another table or
    /// one missing its alpha-3 code or IRI.
    public init?(concept: VocabularyConcept) {
        guard concept.kind == .countries, let iri = concept.iri, let alpha3 = concept["alpha3"] else { return nil }
        self.init(
            alpha2: concept.code, alpha3: alpha3, iri: iri, name: concept.label,
            euAuthorityCode: concept["nal_code"] ?? alpha3, euProtocolCode: concept["eu_alpha2"] ?? concept.code)
    }
}
