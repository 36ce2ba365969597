/// One award to one learner: the unit every format reads and writes.
///
/// Fields marked "Annex I" serve the mandatory elements of the Council Recommendation on
/// micro-credentials (2022); `docs/model.md` lists every field and the element it serves.
public struct Credential: Hashable, Sendable, Codable {
    /// The credential's own identifier (an IRI or URN), as the source gave it or as derived.
    public var id: String?
    /// Further identifiers the credential is known by (legacy assertion ids, registry numbers).
    @OmitEmpty public var otherIdentifiers: [Identifier]
    /// What kind of credential (a Europass credential type concept or a label such as
    /// `micro-credential`, `certificate of participation`).
    public var credentialType: String?
    /// Annex I: title of the micro-credential (often equal to the achievement title).
    public var title: LocalizedText?
    public var description: LocalizedText?
    /// Annex I: date of issuing.
    public var issued: Timestamp?
    /// Start of the validity period.
    public var validFrom: Timestamp?
    /// End of the validity period (2020 draft list: duration of validity).
    public var validUntil: Timestamp?
    /// Annex I: identification of the learner.
    @OmitEmpty public var learner: Learner
    /// Who issues and signs the credential; may be the same as an awarding body.
    public var issuer: Organisation?
    /// Annex I: awarding body (and, through its country, country or region of the issuer).
    @OmitEmpty public var awardingBodies: [Organisation]
    /// What was learned, and how it was assessed, in what setting and at what level.
    @OmitEmpty public var achievement: Achievement
    /// Optional element: grade achieved; also credits earned and the result status.
    public var result: CredentialResult?
    @OmitEmpty public var evidence: [Evidence]
    /// Optional element: further information.
    public var furtherInformation: LocalizedText?
    /// Endorsements found on input, kept verbatim.
    @OmitEmpty public var endorsements: [JSONValue]
    /// Proofs and signatures found on input, kept verbatim.
    @OmitEmpty public var proofs: [Proof]
    /// Source fields the model has no home for, in source order, so nothing read is dropped.
    @OmitEmpty public var unmapped: [UnmappedField]

    public init(
        id: String? = nil, otherIdentifiers: [Identifier] = [], credentialType: String? = nil,
        title: LocalizedText? = nil, description: LocalizedText? = nil, issued: Timestamp? = nil,
        validFrom: Timestamp? = nil, validUntil: Timestamp? = nil, learner: Learner = Learner(),
        issuer: Organisation? = nil, awardingBodies: [Organisation] = [], achievement: Achievement = Achievement(),
        result: CredentialResult? = nil, evidence: [Evidence] = [], furtherInformation: LocalizedText? = nil,
        endorsements: [JSONValue] = [], proofs: [Proof] = [], unmapped: [UnmappedField] = []
    ) {
        self.id = id
        self.otherIdentifiers = otherIdentifiers
        self.credentialType = credentialType
        self.title = title
        self.description = description
        self.issued = issued
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.learner = learner
        self.issuer = issuer
        self.awardingBodies = awardingBodies
        self.achievement = achievement
        self.result = result
        self.evidence = evidence
        self.furtherInformation = furtherInformation
        self.endorsements = endorsements
        self.proofs = proofs
        self.unmapped = unmapped
    }

    /// The title to show: the credential's own, else the achievement's.
    public var displayTitle: LocalizedText? { title ?? achievement.title }
}
