/// The person the credential is awarded to (Annex I: identification of the learner).
public struct Learner: Hashable, Sendable, Codable, EmptyRepresentable {
    /// The learner's own identifier (a DID, IRI or URN) when the source has one.
    public var id: String?
    public var fullName: String?
    public var givenNames: String?
    public var familyName: String?
    public var dateOfBirth: CalendarDate?
    public var email: String?
    public var nationalId: Identifier?
    @OmitEmpty public var studentIds: [Identifier]
    /// Citizenships as ISO 3166-1 alpha-2 codes.
    @OmitEmpty public var citizenship: [String]
    /// Hashed identities (Open Badges recipients) kept with their salt.
    @OmitEmpty public var hashedIdentities: [HashedIdentity]

    public init(
        id: String? = nil, fullName: String? = nil, givenNames: String? = nil, familyName: String? = nil,
        dateOfBirth: CalendarDate? = nil, email: String? = nil, nationalId: Identifier? = nil,
        studentIds: [Identifier] = [], citizenship: [String] = [], hashedIdentities: [HashedIdentity] = []
    ) {
        self.id = id
        self.fullName = fullName
        self.givenNames = givenNames
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.email = email
        self.nationalId = nationalId
        self.studentIds = studentIds
        self.citizenship = citizenship
        self.hashedIdentities = hashedIdentities
    }

    /// The name to show: the full name, else given and family names joined.
    public var displayName: String? {
        if let fullName, !fullName.isEmpty { return fullName }
        let parts = [givenNames, familyName].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// Whether ``displayName`` has a value (found without joining the names).
    private var hasName: Bool {
        !(fullName ?? "").isEmpty || !(givenNames ?? "").isEmpty || !(familyName ?? "").isEmpty
    }

    /// Whether anything identifies the learner.
    public var isIdentified: Bool {
        hasName || email != nil || id != nil || nationalId != nil || !studentIds.isEmpty
            || !hashedIdentities.isEmpty
    }
}

/// A salted hash of a recipient identity, as Open Badges stores it (`sha256$…`).
public struct HashedIdentity: Hashable, Sendable, Codable {
    /// What was hashed: `emailAddress`, `url`, `telephone`, `did`…
    public var identityType: String
    /// `sha256` or `md5`.
    public var algorithm: String
    /// The lowercase hex digest.
    public var hash: String
    public var salt: String?

    public init(identityType: String = "emailAddress", algorithm: String, hash: String, salt: String? = nil) {
        self.identityType = identityType
        self.algorithm = algorithm
        self.hash = hash
        self.salt = salt
    }
}

extension Learner {
    public static var empty: Learner { Learner() }
    public var isEmpty: Bool { self == .empty }
}
