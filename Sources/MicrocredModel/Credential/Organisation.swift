/// An organisation: an awarding body, an issuer, a quality-assurance body.
public struct Organisation: Hashable, Sendable, Codable {
    public var id: String?
    public var name: LocalizedText
    public var legalName: LocalizedText?
    /// Registration numbers (business register, VAT, Erasmus code, SCHAC…).
    @OmitEmpty public var registrationIds: [Identifier]
    /// Annex I (for awarding bodies): country, ISO 3166-1 alpha-2.
    public var country: String?
    /// A region within the country, when the source names one.
    public var region: String?
    public var homepage: String?
    public var email: String?
    /// A logo image: a URL or a `data:` URI.
    public var logo: String?

    public init(
        id: String? = nil, name: LocalizedText, legalName: LocalizedText? = nil, registrationIds: [Identifier] = [],
        country: String? = nil, region: String? = nil, homepage: String? = nil, email: String? = nil,
        logo: String? = nil
    ) {
        self.id = id
        self.name = name
        self.legalName = legalName
        self.registrationIds = registrationIds
        self.country = country
        self.region = region
        self.homepage = homepage
        self.email = email
        self.logo = logo
    }
}
