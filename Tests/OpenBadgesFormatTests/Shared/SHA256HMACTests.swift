import Crypto
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// The prepared HMAC-SHA256 against swift-crypto's `HMAC<SHA256>`, and against RFC 4231.
struct SHA256HMACTests {
    /// Keys shorter than, as long as and longer than a SHA-256 block (64 bytes), with messages
    /// from empty to several blocks, all from a fixed-seed generator.
    @Test func givesTheCodesOfSwiftCrypto() {
        var generator = SeededRandom(seed: 0x5EED)
        for keyLength in [1, 7, 32, 63, 64, 65, 100, 200] {
            let key = (0..<keyLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let prepared = SHA256HMAC(key: key)
            for messageLength in [0, 1, 55, 56, 64, 70, 119, 128, 300] {
                let message = (0..<messageLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let expected = Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
                let code = message.withUnsafeBytes { Array(prepared.code(for: $0)) }
                #expect(code == expected, "key \(keyLength) bytes, message \(messageLength) bytes")
            }
        }
    }

    /// RFC 4231 test case 2 ("Jefe").
    @Test func givesTheRFC4231Code() {
        let code = Array("what do ya want for nothing?".utf8).withUnsafeBytes { SHA256HMAC(key: Array("Jefe".utf8)).code(for: $0) }
        #expect(RecipientHash.hex(code) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
