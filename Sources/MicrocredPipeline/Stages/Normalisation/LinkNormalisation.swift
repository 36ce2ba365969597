import ByteOutput
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
    /// a value with other characters. The scheme is read byte by byte, the rest of the value
    /// searched for a space or a byte beyond ASCII a word at a time.
    private static func isAbsoluteASCIIIRI(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        func isSchemeByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
        var colon = 0
        while colon < bytes.count, isSchemeByte(bytes[colon]) { colon += 1 }
        let stop = ByteClassScan.first(in: bytes, from: colon, plain: UInt8(ascii: "A"), isMember: { $0 == 0x20 || $0 >= 0x80 }) {
            ByteClassScan.lanes(equalTo: UInt8(ascii: " "), in: $0) | ByteClassScan.nonASCIILanes(in: $0)
        }
        if stop < bytes.count, bytes[stop] >= 0x80 { return nil }
        return stop == bytes.count && colon < bytes.count && bytes[colon] == UInt8(ascii: ":") && isLetter(bytes[0])
    }
}
