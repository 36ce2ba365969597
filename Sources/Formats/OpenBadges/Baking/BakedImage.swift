import Foundation
import MicrocredPipeline

/// What a baked badge image holds: the text baked into it (JSON or a compact JWS), a hosted
/// assertion URL of the pre-2013 kind, or nothing.
enum BakedImage {
    /// The PNG `iTXt` keywords: OB 2.0 and OB 3.0.
    static let ob2Keyword = "openbadges"
    static let ob3Keyword = "openbadgecredential"

    enum Content {
        /// The baked text, and the container it came from (`png`, `svg`).
        case text(String, container: String)
        /// A URL of a hosted assertion (legacy `tEXt` chunk, or an SVG `verify` URL with no body).
        case hostedReference(String, container: String)
        /// An image with no badge in it.
        case notBaked(container: String)
    }

    /// Whether `sample` starts a PNG or an SVG document.
    static func isImage(_ sample: some Collection<UInt8>) -> Bool {
        PNGImage.hasSignature(sample) || SVGBadge.looksLikeSVG(sample)
    }

    /// The badge content of an image file.
    /// - Throws: ``Diagnostic`` when the image cannot be read or its badge cannot be extracted.
    static func content(of bytes: [UInt8]) throws(Diagnostic) -> Content {
        if PNGImage.hasSignature(bytes) { return try pngContent(bytes) }
        return try svgContent(bytes)
    }

    private static func pngContent(_ bytes: [UInt8]) throws(Diagnostic) -> Content {
        let image: PNGImage
        do {
            image = try PNGImage(bytes: bytes)
        } catch {
            throw Diagnostic.error("openbadges.invalid-png", "the PNG image cannot be read: \(error.message)")
        }
        var legacyURL: String?
        for chunk in image.chunks {
            guard let entry = PNGImage.textEntry(chunk), entry.keyword == ob2Keyword || entry.keyword == ob3Keyword else { continue }
            if entry.chunkType == "iTXt" {
                guard !entry.compressed else {
                    throw Diagnostic.error(
                        "openbadges.compressed-itxt", "the '\(entry.keyword)' iTXt chunk is compressed, which baking forbids",
                        hint: "re-bake the image without compression")
                }
                if !chunk.crcMatches {
                    throw Diagnostic.error(
                        "openbadges.png-crc-mismatch", "the CRC of the '\(entry.keyword)' iTXt chunk does not match its content",
                        hint: "the image was damaged after baking")
                }
                return .text(entry.text, container: "png")
            }
            let text = entry.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("{") || CompactJWS.looksLikeToken(Array(text.utf8)) { return .text(text, container: "png") }
            if legacyURL == nil { legacyURL = text }
        }
        if let legacyURL { return .hostedReference(legacyURL, container: "png") }
        return .notBaked(container: "png")
    }

    private static func svgContent(_ bytes: [UInt8]) throws(Diagnostic) -> Content {
        let element: SVGBadge.Element?
        do {
            element = try SVGBadge.element(in: bytes)
        } catch {
            throw Diagnostic.error("openbadges.invalid-svg", "the SVG image cannot be scanned: \(error.message)")
        }
        guard let element else { return .notBaked(container: "svg") }
        if !element.content.isEmpty { return .text(element.content, container: "svg") }
        guard let verify = element.verify?.trimmingCharacters(in: .whitespacesAndNewlines), !verify.isEmpty else {
            throw Diagnostic.error(
                "openbadges.empty-badge-element", "the <openbadges:\(element.localName)> element holds no badge and no 'verify' value")
        }
        if CompactJWS.looksLikeToken(Array(verify.utf8)) { return .text(verify, container: "svg") }
        return .hostedReference(verify, container: "svg")
    }
}
