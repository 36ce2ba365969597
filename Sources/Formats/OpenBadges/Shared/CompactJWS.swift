import Foundation
import MicrocredModel

/// A JWS in compact serialisation (`header.payload.signature`): a signed OB 2.0 assertion or an
/// OB 3.0 VC-JWT. Only decoded here; the signature is kept, not checked.
struct CompactJWS: Sendable {
    /// The whole token as read.
    var token: String
    /// The decoded JOSE header.
    var header: JSONValue
    /// The decoded payload.
    var payload: JSONValue

    /// Why a text is not a usable compact JWS.
    struct DecodingError: Error, Sendable {
        var message: String
    }

    /// Decodes `text` (surrounding white space allowed).
    static func decode(_ text: String) throws(DecodingError) -> CompactJWS {
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw DecodingError(message: "a compact JWS has three dot-separated parts, this has \(parts.count)")
        }
        guard let headerBytes = Base64URL.decode(parts[0]), let header = try? JSONParser.parse(headerBytes),
            header.isObject
        else {
            throw DecodingError(message: "the JWS header is not base64url-encoded JSON")
        }
        guard let payloadBytes = Base64URL.decode(parts[1]) else {
            throw DecodingError(message: "the JWS payload is not base64url")
        }
        let payload: JSONValue
        do {
            payload = try JSONParser.parse(payloadBytes)
        } catch {
            throw DecodingError(message: "the JWS payload is not JSON: \(error.message)")
        }
        return CompactJWS(token: token, header: header, payload: payload)
    }

    /// Whether `bytes` look like the start of a compact JWS (a base64url JSON header, `eyJ`).
    static func looksLikeToken(_ bytes: some Collection<UInt8>) -> Bool {
        let start = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        return start.starts(with: Array("eyJ".utf8))
    }
}
