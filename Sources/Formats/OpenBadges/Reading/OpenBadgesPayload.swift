import MicrocredModel

/// What the Open Badges reader hands its decoders with each record.
struct OpenBadgesPayload: Sendable {
    /// The JSON document: the credential or assertion (the payload of a JWS).
    var document: JSONValue
    /// The compact JWS or VC-JWT the document came from, kept as a proof.
    var token: String?
    /// The image container the record was baked into (`png`, `svg`), if any.
    var container: String?
    /// Supporting objects the reader resolved references with (OB 2.0 BadgeClass, Issuer), by id.
    var resolved: [String: JSONValue] = [:]
}
