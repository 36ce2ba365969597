/// A proof or signature found on input, kept exactly as read so it is never lost (it cannot stay
/// valid once the credential is converted, but it records what the source carried).
public struct Proof: Hashable, Sendable, Codable {
    /// How it was carried: `jws` (a compact JWS), `vc-jwt`, `data-integrity` (a `proof` object),
    /// `xmldsig`.
    public var format: String
    /// The proof itself: a string for compact forms and XML, the object for embedded proofs.
    public var value: JSONValue

    public init(format: String, value: JSONValue) {
        self.format = format
        self.value = value
    }
}
