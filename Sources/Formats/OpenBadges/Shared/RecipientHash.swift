import ByteOutput
import Crypto
import Foundation
public import MicrocredModel

/// Open Badges recipient identity hashes: `sha256$<hex>` or `md5$<hex>` over the UTF-8 bytes of
/// the identity followed by the salt (OB 2.0 IdentityHash, OB 3.0 IdentityObject).
///
/// No normalisation is applied to the identity: `Jane@Example.org` and `jane@example.org` hash
/// differently, as the specifications define.
public enum RecipientHash {
    /// The hash algorithms Open Badges allows.
    public enum Algorithm: String, Sendable, CaseIterable {
        case sha256
        case md5
    }

    /// `algorithm$hex` of `identity` + `salt` (lowercase hex).
    public static func identityHash(of identity: String, salt: String?, algorithm: Algorithm = .sha256) -> String {
        algorithm.rawValue + "$" + hexDigest(of: [identity, salt ?? ""], algorithm: algorithm)
    }

    /// The lowercase hex digest of the UTF-8 bytes of `text`.
    public static func hexDigest(of text: String, algorithm: Algorithm) -> String {
        hexDigest(of: [text], algorithm: algorithm)
    }

    /// The lowercase hex digest of the UTF-8 bytes of `parts` joined. (The hashers are fed through
    /// `update(bufferPointer:)`: `hash(data:)` is generic over the data and runs as unspecialised
    /// generic code from here, costing more than hashing a short identity.)
    static func hexDigest(of parts: [String], algorithm: Algorithm) -> String {
        JoinedUTF8.withBytes(of: parts) { bytes in
            switch algorithm {
            case .sha256:
                return hex(sha256(of: bytes))
            case .md5:
                var hasher = Insecure.MD5()
                hasher.update(bufferPointer: bytes)
                return hex(hasher.finalize())
            }
        }
    }

    /// The SHA-256 digest of `bytes`, fed through `update(bufferPointer:)` (see
    /// ``hexDigest(of:algorithm:)``).
    static func sha256(of bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return hasher.finalize()
    }

    /// Whether the plain `identity` is the one `hashed` was made from (hex compared without regard
    /// to case, as the validators accept upper-case digests).
    public static func matches(_ identity: String, _ hashed: HashedIdentity) -> Bool {
        guard let algorithm = Algorithm(rawValue: hashed.algorithm.lowercased()) else { return false }
        return hexDigest(of: [identity, hashed.salt ?? ""], algorithm: algorithm) == hashed.hash.lowercased()
    }

    /// Splits `sha256$…` / `md5$…` into the algorithm and the lowercase hex digest; `nil` for
    /// anything else (an unknown algorithm, a digest of the wrong length or with non-hex digits).
    public static func parse(_ identityHash: String) -> (algorithm: Algorithm, hex: String)? {
        guard let dollar = identityHash.firstIndex(of: "$"),
            let algorithm = Algorithm(rawValue: identityHash[..<dollar].lowercased())
        else { return nil }
        let hexDigits = identityHash[identityHash.index(after: dollar)...].lowercased()
        let expectedLength = algorithm == .sha256 ? 64 : 32
        // Checked as UTF-8 bytes: asking each character whether it is a hex digit costs a
        // hundred times more.
        guard hexDigits.utf8.count == expectedLength,
            hexDigits.utf8.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) })
        else { return nil }
        return (algorithm, hexDigits)
    }

    /// The first `length` bytes of `digest` (all of them by default) as lowercase hex digits.
    static func hex(_ digest: some ContiguousBytes, prefix length: Int = .max) -> String {
        digest.withUnsafeBytes { HexDigits.text(of: UnsafeRawBufferPointer(rebasing: $0.prefix(length))) }
    }
}
