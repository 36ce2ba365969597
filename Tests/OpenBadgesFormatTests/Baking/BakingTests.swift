import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// Baked images: reading other tools' images, baking our own, and unbaking them again.
struct BakingTests {
    /// A minimal valid 1×1 PNG built here (IHDR, IDAT with a stored zlib block, IEND).
    static var tinyPNG: [UInt8] {
        var image = PNGImage(chunks: [])
        image.chunks = [
            PNGImage.Chunk(type: "IHDR", data: [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]),
            PNGImage.Chunk(type: "IDAT", data: [0x78, 0x01, 0x01, 0x02, 0x00, 0xFD, 0xFF, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]),
            PNGImage.Chunk(type: "IEND", data: []),
        ]
        return image.bytes
    }

    static let tinySVG = #"<?xml version="1.0"?><!-- <openbadges:credential> in a comment --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>"#

    @Test func computesTheStandardCRC32() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func bakesAndUnbakesAPNG() throws {
        let baker = BadgeBaker(template: .png(try PNGImage(bytes: Self.tinyPNG)))
        let text = #"{"é":"ünïcödé ]]> text"}"#
        let baked = try baker.bake(text, openBadges3: true)
        let chunks = try PNGImage(bytes: baked).chunks
        #expect(chunks.map(\.type) == ["IHDR", "iTXt", "IDAT", "IEND"])
        #expect(chunks.allSatisfy { $0.crcMatches })
        guard case .text(let read, let container) = try BakedImage.content(of: baked) else {
            Issue.record("no text baked")
            return
        }
        #expect(read == text && container == "png")
        let rebaked = try BadgeBaker(template: .png(try PNGImage(bytes: baked))).bake("{}", openBadges3: false)
        let entries = try PNGImage(bytes: rebaked).chunks.compactMap(PNGImage.textEntry)
        #expect(entries.map(\.keyword) == ["openbadges"], "baking replaces the badge already in the template")
    }

    @Test func refusesACompressedBadgeChunk() throws {
        var image = try PNGImage(bytes: Self.tinyPNG)
        var chunk = PNGImage.internationalText(keyword: "openbadgecredential", text: "x")
        chunk.data[20] = 1
        image.chunks.insert(chunk, at: 1)
        #expect(throws: Diagnostic.self) { try BakedImage.content(of: image.bytes) }
    }

    @Test func bakesAndUnbakesAnSVG() throws {
        let baker = BadgeBaker(template: .svg(Array(Self.tinySVG.utf8)))
        let text = #"{"a":"x ]]> y & <z>"}"#
        let baked = try baker.bake(text, openBadges3: true)
        let markup = String(decoding: baked, as: UTF8.self)
        #expect(markup.contains(#"xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0""#))
        let element = try #require(try SVGBadge.element(in: baked))
        #expect(element.localName == "credential" && element.namespace == SVGBadge.ob3Namespace)
        #expect(element.content == text)
        let ob2 = try BadgeBaker(template: .svg(baked)).bake("{}", openBadges3: false, hostedURL: "https://example.org/a?x=1&y=2")
        let elements = try SVGBadge.elements(in: ob2)
        #expect(elements.count == 1)
        #expect(elements.first?.verify == "https://example.org/a?x=1&y=2")
        #expect(elements.first?.namespace == SVGBadge.ob2Namespace)
    }

    @Test func decodesEntitiesAndVerifyTokens() throws {
        let svg = #"<svg xmlns:ob="http://openbadges.org"><ob:assertion verify="eyJh.eyJi.c2ln"/></svg>"#
        let element = try #require(try SVGBadge.element(in: Array(svg.utf8)))
        #expect(element.verify == "eyJh.eyJi.c2ln" && element.content.isEmpty)
        #expect(SVGBadge.decodeEntities("&lt;a&gt; &amp; &#233;&#x41;") == "<a> & éA")
    }

    @Test func readsImagesBakedByOtherTools() throws {
        for (path, expectedID) in [
            ("openbadges/ob3/examples/validator/baked/simple-json.png", "http://example.com/credentials/3527"),
            ("openbadges/ob3/examples/validator/baked/simple-json.svg", "http://example.com/credentials/3527"),
            ("openbadges/ob3/examples/validator/baked/simple-jwt.png", nil),
            ("openbadges/ob3/examples/validator/baked/simple-jwt.svg", nil),
        ] {
            guard let url = RefData.url(path) else { return }
            let outcomes = try OpenBadgesHarness.read(url)
            #expect(outcomes.count == 1)
            let credential = try #require(outcomes.first?.credential, "\(path): \(outcomes.first?.codes ?? [])")
            if let expectedID { #expect(credential.id == expectedID) }
            if path.contains("jwt") { #expect(credential.proofs.contains { $0.format == "vc-jwt" }) }
        }
    }

    @Test(arguments: [
        ("openbadges/baking/mozilla-unbaked.png", "openbadges.image-not-baked"),
        ("openbadges/baking/mozilla-unbaked.svg", "openbadges.image-not-baked"),
        ("openbadges/baking/unbaked_heart.png", "openbadges.image-not-baked"),
        ("openbadges/baking/mozilla-baked.svg", "openbadges.hosted-assertion-needed"),
        ("openbadges/baking/mozilla-no-json.svg", "openbadges.hosted-assertion-needed"),
        ("openbadges/baking/mozilla-bad-json.svg", "openbadges.baked-json-malformed"),
    ])
    func reportsImagesWithoutAUsableBadge(_ path: String, _ code: String) throws {
        guard let url = RefData.url(path) else { return }
        let outcomes = try OpenBadgesHarness.read(url)
        #expect(outcomes.count == 1, "an image is one record, rejected with a reason")
        #expect(outcomes.first?.codes == [code])
        #expect(outcomes.first?.credential == nil)
    }

    @Test func reportsALegacyHostedURLInATextChunk() throws {
        var image = try PNGImage(bytes: Self.tinyPNG)
        image.chunks.insert(PNGImage.Chunk(type: "tEXt", data: Array("openbadges\0https://example.org/assertion/1".utf8)), at: 1)
        let outcomes = try OpenBadgesHarness.read(image.bytes, name: "legacy.png")
        let diagnostic = try #require(outcomes.first?.diagnostics.first)
        #expect(diagnostic.code == "openbadges.hosted-assertion-needed")
        #expect(diagnostic.message.contains("https://example.org/assertion/1"))
    }

    /// A baked image is a file of its own: baking into a batch stream rejects the record.
    @Test func bakingNeedsSplit() throws {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("ob-bake-\(UUID().uuidString).svg")
        try Data(Self.tinySVG.utf8).write(to: template)
        defer { try? FileManager.default.removeItem(at: template) }
        let writer = try #require(try OpenBadges3Format.descriptor.makeWriter?(OpenBadgesHarness.writeContext(options: ["bake": template.path])))
        let rejection = #expect(throws: RecordRejection.self) { try writer.encode(Fixtures.microCredential, standalone: false) }
        #expect(rejection?.diagnostics.map(\.code).contains("openbadges.bake-needs-split") == true)
    }

    @Test func writesBakedImagesThatUnbakeToTheSameCredential() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ob-bake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = directory.appendingPathComponent("template.png")
        let svg = directory.appendingPathComponent("template.svg")
        try Data(Self.tinyPNG).write(to: png)
        try Data(Self.tinySVG.utf8).write(to: svg)
        let credential = OpenBadgesHarness.normalised(Fixtures.microCredential)
        for (template, format) in [(png, OpenBadges3Format.descriptor), (svg, OpenBadges3Format.descriptor), (png, OpenBadges2Format.descriptor), (svg, OpenBadges2Format.descriptor)] {
            let options = ["bake": template.path, "plain-recipients": "true"]
            let image = try OpenBadgesHarness.write(credential, format: format, options: options, standalone: true).bytes
            let plain = try OpenBadgesHarness.write(credential, format: format, options: ["plain-recipients": "true"]).bytes
            let outcomes = try OpenBadgesHarness.read(image, name: "baked." + template.pathExtension, format: format)
            let fromImage = try #require(outcomes.first?.credential, "\(outcomes.first?.codes ?? [])")
            let fromJSON = try #require(try OpenBadgesHarness.read(plain, format: format).first?.credential)
            #expect(fromImage == fromJSON, "\(format.id) baked into \(template.pathExtension)")
            let keyword = format.id == "ob3" ? "openbadgecredential" : "openbadges"
            if let text = template.pathExtension == "png" ? Self.pythonUnbake(image, keyword: keyword) : Self.pythonUnbakeSVG(image, openBadges3: format.id == "ob3") {
                #expect(try JSONParser.parse(text) == (try JSONParser.parse(plain)), "an independent reader finds the same credential")
            } else if RefData.isRequired {
                Issue.record("python3 is needed to check baked images with an independent reader")
            }
        }
        #expect(throws: (any Error).self) {
            try OpenBadgesHarness.write(credential, options: ["bake": png.path], standalone: false)
        }
    }

    /// The badge text of an SVG as a namespace-aware XML parser (python's ElementTree) finds it.
    static func pythonUnbakeSVG(_ image: [UInt8], openBadges3: Bool) -> String? {
        let element = openBadges3 ? "{https://purl.imsglobal.org/ob/v3p0}credential" : "{http://openbadges.org}assertion"
        let script = """
            import sys
            import xml.etree.ElementTree as tree
            root = tree.parse(sys.argv[1]).getroot()
            found = [child for child in root if child.tag == sys.argv[2]]
            assert len(found) == 1 and root[0] is found[0]
            sys.stdout.write(found[0].text)
            """
        return runPython(script, image, suffix: "svg", arguments: [element])
    }

    /// The badge text of a PNG as an independent reader (python's struct module, no shared code)
    /// extracts it; `nil` where python is unavailable.
    static func pythonUnbake(_ image: [UInt8], keyword: String) -> String? {
        let script = """
            import struct, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
            offset = 8
            while offset < len(data):
                length, kind = struct.unpack('>I4s', data[offset:offset + 8])
                body = data[offset + 8:offset + 8 + length]
                crc, = struct.unpack('>I', data[offset + 8 + length:offset + 12 + length])
                assert zlib.crc32(kind + body) & 0xffffffff == crc
                if kind == b'iTXt':
                    keyword, rest = body.split(b'\\x00', 1)
                    if keyword.decode() == sys.argv[2]:
                        assert rest[0] == 0
                        text = rest[2:].split(b'\\x00', 2)[2]
                        sys.stdout.write(text.decode('utf-8'))
                        break
                offset += 12 + length
            """
        return runPython(script, image, suffix: "png", arguments: [keyword])
    }

    /// Runs `script` on `bytes` written to a temporary file; its output, or `nil` on failure.
    static func runPython(_ script: String, _ bytes: [UInt8], suffix: String, arguments: [String]) -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("unbake-\(UUID().uuidString).\(suffix)")
        guard (try? Data(bytes).write(to: file)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
