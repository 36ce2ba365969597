/// Evidence supporting the award: a work sample, a transcript, the original legacy assertion.
public struct Evidence: Hashable, Sendable, Codable {
    public var id: String?
    public var name: String?
    public var description: String?
    public var narrative: String?
    public var genre: String?
    public var audience: String?

    public init(
        id: String? = nil, name: String? = nil, description: String? = nil, narrative: String? = nil,
        genre: String? = nil, audience: String? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.narrative = narrative
        self.genre = genre
        self.audience = audience
    }
}
