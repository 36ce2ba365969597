import ByteOutput
import Crypto

/// Salts for hashing recipient identities, derived so that output is deterministic: the same
/// credential id and secret always give the same salt.
///
/// A value holds the HMAC already keyed with the secret, so a writer prepares it once and derives
/// each credential's salt from it.
struct RecipientSalt: Sendable {
    private let keyed: SHA256HMAC?

    /// A salt source for `secret`; `nil` or empty derives salts with a plain SHA-256.
    init(secret: String?) {
        keyed = secret.flatMap { $0.isEmpty ? nil : SHA256HMAC(key: Array($0.utf8)) }
    }

    /// The salt for the credential `credentialID`: 32 hex digits of an HMAC-SHA256 keyed with the
    /// secret, or of a plain SHA-256 when there is no secret (then anyone who knows the credential
    /// id can compute it).
    func salt(credentialID: String) -> String {
        JoinedUTF8.withBytes(of: ["microcred/recipient-salt\u{1F}", credentialID]) { message in
            if let keyed { return RecipientHash.hex(keyed.code(for: message), prefix: 16) }
            return RecipientHash.hex(RecipientHash.sha256(of: message), prefix: 16)
        }
    }

    /// The salt for the credential `credentialID` with `secret` (see ``salt(credentialID:)``).
    static func salt(credentialID: String, secret: String?) -> String {
        RecipientSalt(secret: secret).salt(credentialID: credentialID)
    }
}
