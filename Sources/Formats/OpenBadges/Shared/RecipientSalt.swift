import Crypto

/// Salts for hashing recipient identities, derived so that output is deterministic: the same
/// credential id and secret always give the same salt.
enum RecipientSalt {
    /// The salt for the credential `credentialID`: 32 hex digits of an HMAC-SHA256 keyed with
    /// `secret`, or of a plain SHA-256 when there is no secret (then anyone who knows the credential
    /// id can compute it).
    static func salt(credentialID: String, secret: String?) -> String {
        let message = Array(("microcred/recipient-salt\u{1F}" + credentialID).utf8)
        let digest: [UInt8]
        if let secret, !secret.isEmpty {
            digest = Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Array(secret.utf8))))
        } else {
            digest = Array(SHA256.hash(data: message))
        }
        let digits = Array("0123456789abcdef")
        return String(digest.prefix(16).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
    }
}
