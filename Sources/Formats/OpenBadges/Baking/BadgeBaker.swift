import Foundation
import MicrocredPipeline

/// Bakes written credentials into a template image (`--to-option bake=TEMPLATE.png|svg`): an
/// uncompressed `iTXt` chunk after `IHDR` in a PNG, an `openbadges:` element right after the root
/// `<svg>` start tag in an SVG. Badge data already in the template is replaced.
struct BadgeBaker: Sendable {
    enum Template: Sendable {
        case png(PNGImage)
        case svg([UInt8])
    }

    let template: Template

    /// The file name extension of baked images.
    var fileExtension: String {
        switch template {
        case .png: "png"
        case .svg: "svg"
        }
    }

    /// Loads the template at `path`.
    /// - Throws: ``Diagnostic`` (`openbadges.bake-template`) when it cannot be read or is neither
    ///   a PNG nor an SVG.
    static func load(path: String) throws(Diagnostic) -> BadgeBaker {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic.error(
                "openbadges.bake-template", "cannot read the bake template '\(path)'", hint: "give the path of a PNG or SVG image")
        }
        let bytes = [UInt8](data)
        if PNGImage.hasSignature(bytes) {
            do {
                return BadgeBaker(template: .png(try PNGImage(bytes: bytes)))
            } catch {
                throw Diagnostic.error("openbadges.bake-template", "the bake template '\(path)' is not a readable PNG: \(error.message)")
            }
        }
        if SVGBadge.looksLikeSVG(bytes) {
            do {
                _ = try SVGBadge.elements(in: bytes)
            } catch {
                throw Diagnostic.error("openbadges.bake-template", "the bake template '\(path)' cannot be scanned: \(error.message)")
            }
            return BadgeBaker(template: .svg(bytes))
        }
        throw Diagnostic.error("openbadges.bake-template", "the bake template '\(path)' is neither a PNG nor an SVG image")
    }

    /// The template with `text` baked in.
    /// - Parameters:
    ///   - openBadges3: whether `text` is an OB 3.0 credential (else an OB 2.0 assertion).
    ///   - hostedURL: for OB 2.0 SVG, the assertion URL for the `verify` attribute.
    func bake(_ text: String, openBadges3: Bool, hostedURL: String? = nil) throws(Diagnostic) -> [UInt8] {
        switch template {
        case .png(var image):
            let keywords: Set<String> = [BakedImage.ob2Keyword, BakedImage.ob3Keyword]
            image.chunks.removeAll { chunk in PNGImage.textEntry(chunk).map { keywords.contains($0.keyword) } ?? false }
            let keyword = openBadges3 ? BakedImage.ob3Keyword : BakedImage.ob2Keyword
            image.chunks.insert(PNGImage.internationalText(keyword: keyword, text: text), at: 1)
            return image.bytes
        case .svg(let bytes):
            do {
                return try SVGBadge.bake(
                    template: bytes, localName: openBadges3 ? "credential" : "assertion",
                    namespace: openBadges3 ? SVGBadge.ob3Namespace : SVGBadge.ob2Namespace, content: text, verify: hostedURL)
            } catch {
                throw Diagnostic.error("openbadges.bake-failed", "the credential cannot be baked into the SVG template: \(error.message)")
            }
        }
    }
}
