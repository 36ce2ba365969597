import MicrocredModel
import MicrocredPipeline

/// Recognises Open Badges inputs from their first bytes: JSON by its contexts and types, compact
/// JWS by its decoded payload, PNG and SVG images by their badge markers.
enum OpenBadgesSniffer {
    /// The OB 3.0 verdict: OB 3.0 / CLR JSON, a VC-JWT, a PNG or SVG with OB 3.0 markers; `maybe`
    /// for another Verifiable Credential and for a PNG whose first bytes show no markers (its
    /// chunks may come later), so a folder of mixed images still reaches this reader.
    static func ob3(_ sample: ArraySlice<UInt8>) -> SniffResult {
        let bytes = Array(sample)
        if PNGImage.hasSignature(bytes) {
            if ByteSearch.contains(bytes, Array(BakedImage.ob3Keyword.utf8)) { return .yes }
            return ByteSearch.contains(bytes, Array(("iTXt" + BakedImage.ob2Keyword + "\0").utf8)) ? .no : .maybe
        }
        if SVGBadge.looksLikeSVG(bytes) {
            if ByteSearch.contains(bytes, Array(SVGBadge.ob3Namespace.utf8)) { return .yes }
            return ByteSearch.contains(bytes, Array(SVGBadge.ob2Namespace.utf8)) ? .no : .maybe
        }
        let text = jsonText(bytes)
        for marker in ["OpenBadgeCredential", "AchievementCredential", "purl.imsglobal.org/spec/ob/v3p0", "ClrCredential"]
        where text.contains(marker) {
            return .yes
        }
        return text.contains("VerifiableCredential") ? .maybe : .no
    }

    /// The OB 2.0 verdict: OB 0.5–2.0 JSON, a signed assertion, a PNG or SVG with OB 2.0 markers.
    static func ob2(_ sample: ArraySlice<UInt8>) -> SniffResult {
        let bytes = Array(sample)
        if PNGImage.hasSignature(bytes) {
            return ByteSearch.contains(bytes, Array(("iTXt" + BakedImage.ob2Keyword + "\0").utf8))
                || ByteSearch.contains(bytes, Array(("tEXt" + BakedImage.ob2Keyword + "\0").utf8)) ? .yes : .no
        }
        if SVGBadge.looksLikeSVG(bytes) {
            return ByteSearch.contains(bytes, Array(SVGBadge.ob2Namespace.utf8)) ? .yes : .no
        }
        let text = jsonText(bytes)
        if text.contains("OpenBadgeCredential") || text.contains("VerifiableCredential") { return .no }
        for marker in ["w3id.org/openbadges", "openbadgespec.org", "\"issued_on\""] where text.contains(marker) {
            return .yes
        }
        let compact = text.filter { !$0.isWhitespace }
        for marker in ["\"type\":\"Assertion\"", "\"type\":\"BadgeClass\"", "\"recipient\":"] where compact.contains(marker) {
            return .yes
        }
        return .no
    }

    /// The sample as text; for a compact JWS, its decoded header and (possibly cut) payload.
    private static func jsonText(_ bytes: [UInt8]) -> String {
        guard CompactJWS.looksLikeToken(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        let start = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        let parts = start.split(separator: UInt8(ascii: "."), maxSplits: 2, omittingEmptySubsequences: false)
        var text = ""
        for part in parts.prefix(2) {
            let usable = part.prefix(part.count - part.count % 4)
            if let decoded = Base64URL.decode(String(decoding: usable, as: UTF8.self)) { text += String(decoding: decoded, as: UTF8.self) }
        }
        return text
    }
}

extension String {
    fileprivate func contains(_ other: String) -> Bool {
        ByteSearch.contains(Array(utf8), Array(other.utf8))
    }
}
