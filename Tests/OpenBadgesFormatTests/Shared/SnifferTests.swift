import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// Recognising Open Badges inputs from their first bytes, so a folder mixing JSON and images
/// needs no `--from`.
struct SnifferTests {
    static func sample(_ text: String) -> ArraySlice<UInt8> { ArraySlice(Array(text.utf8)) }

    @Test func tellsOB3FromOB2JSON() {
        let ob3 = Self.sample(#"{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"type":["VerifiableCredential","OpenBadgeCredential"]}"#)
        let ob2 = Self.sample(#"{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion"}"#)
        let legacy = Self.sample(#"{"recipient": "a@example.org", "issued_on": "2011-06-01"}"#)
        #expect(OpenBadgesSniffer.ob3(ob3) == .yes && OpenBadgesSniffer.ob2(ob3) == .no)
        #expect(OpenBadgesSniffer.ob2(ob2) == .yes && OpenBadgesSniffer.ob3(ob2) == .no)
        #expect(OpenBadgesSniffer.ob2(legacy) == .yes)
        #expect(OpenBadgesSniffer.ob3(Self.sample("name;title\nA;B\n")) == .no && OpenBadgesSniffer.ob2(Self.sample("name;title\n")) == .no)
    }

    @Test func recognisesBakedImagesAndTokens() throws {
        var png = try PNGImage(bytes: BakingTests.tinyPNG)
        png.chunks.insert(PNGImage.internationalText(keyword: "openbadgecredential", text: "{}"), at: 1)
        #expect(OpenBadgesSniffer.ob3(ArraySlice(png.bytes)) == .yes)
        png.chunks[1] = PNGImage.internationalText(keyword: "openbadges", text: "{}")
        #expect(OpenBadgesSniffer.ob2(ArraySlice(png.bytes)) == .yes && OpenBadgesSniffer.ob3(ArraySlice(png.bytes)) == .no)
        #expect(OpenBadgesSniffer.ob3(ArraySlice(BakingTests.tinyPNG)) == .maybe, "an image whose badge chunk comes later still reaches the reader")
        let svg3 = #"<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential/></svg>"#
        let svg2 = #"<svg xmlns:openbadges="http://openbadges.org"></svg>"#
        #expect(OpenBadgesSniffer.ob3(Self.sample(svg3)) == .yes && OpenBadgesSniffer.ob2(Self.sample(svg2)) == .yes)
        for (path, id) in [("openbadges/ob3/examples/validator/simple.jwt", "ob3"), ("openbadges/ob2/examples/validator/simple.jwt", "ob2")] {
            guard let url = RefData.url(path) else { return }
            let sample = ArraySlice([UInt8](try Data(contentsOf: url)).prefix(4096))
            let registry = FormatRegistry([OpenBadges3Format.descriptor, OpenBadges2Format.descriptor])
            #expect(registry.sniff(sample)?.id == id, "\(path)")
        }
    }

    @Test func leavesJSONFilesToSniffing() {
        let registry = FormatRegistry([OpenBadges3Format.descriptor, OpenBadges2Format.descriptor])
        #expect(registry.format(forExtension: "json") == nil, "both read .json, so the content decides")
        #expect(registry.format(forExtension: "jwt")?.id == "ob3")
    }

    @Test func readsAnOB2AssertionThroughTheOB3ReaderToo() throws {
        let text = OB2ReadingTests.badgeClass + "\n" + OB2ReadingTests.issuer + "\n" + OB2ReadingTests.assertion(1)
        let outcomes = try OpenBadgesHarness.read(text: text, format: OpenBadges3Format.descriptor)
        #expect(outcomes.count == 1)
        #expect(outcomes.first?.credential?.achievement.title == "Robotics")
    }
}
