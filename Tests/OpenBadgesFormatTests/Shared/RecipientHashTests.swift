import Foundation
import MicrocredModel
import Testing
@testable import OpenBadgesFormat

/// The recipient hash rule (identity + salt, UTF-8) on the vectors of FIXTURE-NOTES.md §3.
struct RecipientHashTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var identity: String
        var salt: String?
        var expected: String
        var testDescription: String { identity }
    }

    static let vectors = [
        Vector(identity: "mayze", salt: nil, expected: "sha256$7a1a1b3f7d40552e4299180e346e3add12bf9a751a43d9c4ca4518febc2c60c6"),
        Vector(
            identity: "a@example.com", salt: "Kosher",
            expected: "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399"),
        Vector(
            identity: "test@example.com", salt: "sel gris",
            expected: "sha256$85c4196c5516561cef673642157499b70066cb1070852b2a37fdbf3cc599b087"),
        Vector(
            identity: "nobody@example.org", salt: "deadsea",
            expected: "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942"),
    ]

    @Test(arguments: vectors)
    func hashesTheSpecificationVectors(_ vector: Vector) {
        #expect(RecipientHash.identityHash(of: vector.identity, salt: vector.salt) == vector.expected)
    }

    @Test(arguments: vectors)
    func verifiesAPlainIdentityAgainstItsHash(_ vector: Vector) throws {
        let parsed = try #require(RecipientHash.parse(vector.expected))
        let hashed = HashedIdentity(algorithm: parsed.algorithm.rawValue, hash: parsed.hex, salt: vector.salt)
        #expect(RecipientHash.matches(vector.identity, hashed))
        #expect(!RecipientHash.matches(vector.identity.uppercased(), hashed), "no normalisation of the identity is defined")
        #expect(!RecipientHash.matches(vector.identity + " ", hashed))
    }

    @Test func acceptsUpperCaseHexAndMD5() throws {
        let md5 = RecipientHash.identityHash(of: "test@example.com", salt: "salt", algorithm: .md5)
        #expect(md5.hasPrefix("md5$") && md5.count == 4 + 32)
        let parsed = try #require(RecipientHash.parse(md5.uppercased().replacingOccurrences(of: "MD5$", with: "md5$")))
        #expect(RecipientHash.matches("test@example.com", HashedIdentity(algorithm: "md5", hash: parsed.hex.uppercased(), salt: "salt")))
    }

    @Test(arguments: [
        "sha1$abc", "sha256$xyz", "sha256$" + String(repeating: "a", count: 63), "plain@example.org", "$",
        "sha256$" + String(repeating: "\u{FF41}", count: 64), "md5$" + String(repeating: "g", count: 32),
    ])
    func refusesMalformedIdentityHashes(_ text: String) {
        #expect(RecipientHash.parse(text) == nil)
    }

    @Test func derivesStableSaltsThatDependOnTheSecret() {
        let one = RecipientSalt.salt(credentialID: "urn:uuid:1", secret: "s3cret")
        #expect(one == RecipientSalt.salt(credentialID: "urn:uuid:1", secret: "s3cret"))
        #expect(one != RecipientSalt.salt(credentialID: "urn:uuid:2", secret: "s3cret"))
        #expect(one != RecipientSalt.salt(credentialID: "urn:uuid:1", secret: "other"))
        #expect(one != RecipientSalt.salt(credentialID: "urn:uuid:1", secret: nil))
        #expect(one.count == 32 && one.allSatisfy { $0.isHexDigit })
    }

    /// Expected values from Python's `hmac` and `hashlib` over the same message.
    @Test func aPreparedSaltSourceGivesEachCredentialItsOwnStandardHMAC() {
        let salts = RecipientSalt(secret: "s3cret")
        #expect(salts.salt(credentialID: "urn:uuid:1") == "dc10f0d75e5c308e1c09a6407cdbeb73")
        #expect(salts.salt(credentialID: "urn:uuid:2") == "734d566fd5af013e1fbcede1be90c956")
        #expect(salts.salt(credentialID: "urn:uuid:1") == "dc10f0d75e5c308e1c09a6407cdbeb73")
        #expect(RecipientSalt(secret: nil).salt(credentialID: "urn:uuid:1") == "84b2697ec687ad9c6b748adbe8c3b111")
        #expect(RecipientSalt(secret: "").salt(credentialID: "urn:uuid:1") == "84b2697ec687ad9c6b748adbe8c3b111")
    }
}
