import Foundation
public import MicrocredModel

/// `links`: trims IRIs and URLs (ids, homepages, images, ESCO skills, criteria) — trailing spaces
/// inside URIs are a known problem of real files — and warns about a value that is not an absolute
/// IRI.
public struct LinkNormalisation: NormalisationStage {
    public init() {}
    public var name: String { "links" }

    public func normalise(_ credential: inout Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        func link(_ value: inout String?, _ field: @autoclosure () -> String) {
            guard let current = value else { return }
            let trimmed = current.trimmingWhitespace()
            if trimmed != current { value = trimmed.isEmpty ? nil : trimmed }
            if !trimmed.isEmpty, !Self.isAbsoluteIRI(trimmed) {
                diagnostics.append(
                    .warning(
                        "value.invalid-iri", "'\(trimmed)' is not an absolute IRI or URL",
                        hint: "write a full address such as https://example.org/… or urn:…", field: field()))
            }
        }
        link(&credential.achievement.homepage, "achievement.homepage")
        link(&credential.achievement.image, "achievement.image")
        for index in credential.awardingBodies.indices {
            link(&credential.awardingBodies[index].homepage, "awardingBodies[\(index)].homepage")
            link(&credential.awardingBodies[index].logo, "awardingBodies[\(index)].logo")
        }
        for index in credential.achievement.learningOutcomes.indices {
            link(&credential.achievement.learningOutcomes[index].escoSkill, "achievement.learningOutcomes[\(index)].escoSkill")
        }
        if var criteria = credential.achievement.criteria {
            link(&criteria.url, "achievement.criteria.url")
            credential.achievement.criteria = criteria
        }
    }

    /// Whether `value` starts with a URI scheme (`https:`, `urn:`, `did:`, `data:`…) and has no
    /// spaces.
    static func isAbsoluteIRI(_ value: String) -> Bool {
        if let ascii = value.utf8.withContiguousStorageIfAvailable({ isAbsoluteASCIIIRI($0) }), let verdict = ascii { return verdict }
        guard let colon = value.firstIndex(of: ":"), colon != value.startIndex, !value.contains(" ") else { return false }
        let scheme = value[..<colon]
        return scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    /// The same test on the bytes of an ASCII value (where every byte is a character); `nil` for
    /// a value with other characters.
    private static func isAbsoluteASCIIIRI(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var colon: Int?
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: " ") { return false }
            if byte == UInt8(ascii: ":"), colon == nil { colon = index }
        }
        guard let colon, colon > 0 else { return false }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        return isLetter(bytes[0])
            && bytes[..<colon].allSatisfy { byte in
                isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
    }
}
