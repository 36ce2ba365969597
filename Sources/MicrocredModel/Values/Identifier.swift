/// An identifier with the scheme that gives it meaning (a student number, a national id, a
/// legacy assertion id, a registration number).
public struct Identifier: Hashable, Sendable, Codable {
    public var value: String
    /// What kind of identifier it is (`studentId`, `nationalId`, `vatNumber`, an IRI of a scheme…).
    public var scheme: String?
    /// Who assigned it, when the source says (an organisation name or IRI).
    public var issuer: String?

    public init(_ value: String, scheme: String? = nil, issuer: String? = nil) {
        self.value = value
        self.scheme = scheme
        self.issuer = issuer
    }
}
