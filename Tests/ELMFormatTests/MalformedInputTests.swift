import ELMFormat
import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

/// Hostile and broken XML gets its diagnostic code, with a location, through the `elm-xml` reader.
@Suite struct MalformedInputTests {
    static let hostile: [(file: String, codes: Set<String>)] = [
        ("xxe_base64.xml", ["xml.external-entity"]),
        ("xxe_dos.xml", ["xml.entity-expansion"]),
        ("xxe_entity.xml", ["xml.forbidden-doctype"]),
        ("xxe_file.xml", ["xml.external-entity"]),
        ("xxe_remote.xml", ["xml.external-entity"]),
    ]

    @Test func hostileInputsArePresent() {
        guard RefData.url("elm/hostile-xml") != nil else { return }
        #expect(RefData.files(in: "elm/hostile-xml", withExtension: "xml").map(\.lastPathComponent) == Self.hostile.map(\.file))
    }

    @Test("hostile input is refused", .enabled(if: RefData.isAvailable), arguments: hostile.map(\.file))
    func refusesHostileInput(_ file: String) throws {
        let url = try #require(RefData.url("elm/hostile-xml/\(file)"))
        let clock = ContinuousClock()
        let start = clock.now
        let result = ELM.read(url)
        #expect(clock.now - start < .seconds(5), "refused quickly, without expanding anything")
        #expect(result.records.isEmpty)
        let failure = try #require(result.failure)
        let expected = try #require(Self.hostile.first { $0.file == file }?.codes)
        #expect(expected.contains(failure.code), "\(failure)")
        #expect(failure.location.file == url.path)
        #expect(failure.location.line != nil)
    }

    @Test func unclosedTag() throws {
        let xml = ELMSamples.credential().replacingOccurrences(of: "</givenNames>", with: "")
        let failure = try #require(ELM.read(ELM.bytes(xml)).failure)
        #expect(failure.code == "xml.malformed")
        #expect(failure.location.line != nil && failure.location.column != nil)
        #expect(failure.severity == .error)
    }

    @Test func badEncodingDeclaration() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"klingon-8\"?>\n" + ELMSamples.credential()
        let failure = try #require(ELM.read(ELM.bytes(xml)).failure)
        #expect(failure.code == "xml.encoding")
    }

    @Test func bytesNotInTheDeclaredEncoding() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ELMSamples.credential()
        let parts = xml.components(separatedBy: "Kowalska")
        let bytes = ELM.bytes(parts[0] + "Kowalsk") + [0xFF, 0xFE] + ELM.bytes("a" + parts[1])
        let failure = try #require(ELM.read(bytes).failure)
        #expect(failure.code == "xml.encoding")
        #expect(failure.location.line == ReaderTests.line(of: "Kowalska", in: xml))
    }

    @Test func truncatedFile() throws {
        let xml = ELMSamples.credential()
        let cut = String(xml.prefix(xml.count * 2 / 3))
        let failure = try #require(ELM.read(ELM.bytes(cut)).failure)
        #expect(failure.code == "xml.truncated")
    }

    @Test func emptyFile() throws {
        let failure = try #require(ELM.read([]).failure)
        #expect(failure.code == "xml.empty-document")
    }

    @Test func recordsBeforeAFatalErrorCount() throws {
        let xml = """
            <europassCredentials xmlns="http://data.europa.eu/snbUpload">
            \(ELMSamples.credential(id: "urn:credential:a"))
            \(ELMSamples.credential(id: "urn:credential:b"))
            <europassCredential xmlns="http://data.europa.eu/snb"><title></europassCredential>
            \(ELMSamples.credential(id: "urn:credential:c"))
            </europassCredentials>
            """
        let result = ELM.read(ELM.bytes(xml))
        #expect(result.credentials.map(\.id) == ["urn:credential:a", "urn:credential:b"])
        let failure = try #require(result.failure)
        #expect(failure.code == "xml.malformed")
        #expect(failure.location.line == ReaderTests.line(of: "<title></europassCredential>", in: xml))
    }

    /// A batch in Windows-1252 whose third credential holds a byte the encoding leaves undefined:
    /// the two credentials before it are read, and the error is at that byte.
    @Test func recordsBeforeAByteNotInWindows1252Count() throws {
        let xml = """
            <?xml version="1.0" encoding="windows-1252"?>
            <europassCredentials xmlns="http://data.europa.eu/snbUpload">
            \(ELMSamples.credential(id: "urn:credential:a"))
            \(ELMSamples.credential(id: "urn:credential:b"))
            \(ELMSamples.credential(id: "urn:credential:c"))
            </europassCredentials>
            """
        let parts = xml.components(separatedBy: "urn:credential:c")
        let bytes = Self.windows1252(parts[0] + "urn:credential:") + [0x81] + Self.windows1252(parts[1])
        let result = ELM.read(bytes)
        #expect(result.credentials.map(\.id) == ["urn:credential:a", "urn:credential:b"])
        let failure = try #require(result.failure)
        #expect(failure.code == "xml.encoding")
        #expect(failure.message.contains("0x81"))
        let line = try #require(ReaderTests.line(of: "urn:credential:c", in: xml))
        #expect(failure.location.line == line)
        let lineStart = xml.components(separatedBy: "\n")[line - 1]
        #expect(failure.location.column == lineStart.distance(from: lineStart.startIndex, to: lineStart.range(of: "urn:credential:c")!.lowerBound) + 16)
    }

    /// `text` in Windows-1252 (the samples hold only Latin-1 letters beyond ASCII, the same there).
    private static func windows1252(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            precondition(scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value), "not in the sample's encoding: \(scalar)")
            return UInt8(scalar.value)
        }
    }

    @Test func undeclaredPrefix() throws {
        let xml = ELMSamples.credential().replacingOccurrences(of: "<title>", with: "<dc:title>").replacingOccurrences(of: "</title>", with: "</dc:title>")
        let failure = try #require(ELM.read(ELM.bytes(xml)).failure)
        #expect(failure.code == "xml.undeclared-prefix")
    }

    @Test func eqfLevelOutOfRangeIsKeptForValidationToReject() throws {
        let xml = ELMSamples.microCredential.replacingOccurrences(
            of: #"uri="http://data.europa.eu/snb/eqf/6""#, with: #"uri="http://data.europa.eu/snb/eqf/9""#)
        let credential = try #require(ELM.read(ELM.bytes(xml)).credentials.first)
        #expect(credential.achievement.level.eqf == 9)
    }

    @Test func eqfLevelThatIsNoEQFConceptIsReported() throws {
        let xml = ELMSamples.microCredential.replacingOccurrences(
            of: #"uri="http://data.europa.eu/snb/eqf/6""#, with: #"uri="http://example.org/levels/six""#)
        let result = ELM.read(ELM.bytes(xml))
        let credential = try #require(result.credentials.first)
        #expect(credential.achievement.level.eqf == nil)
        let warning = try #require(result.diagnostics.first { $0.code == "elm.invalid-value" })
        #expect(warning.message.contains("http://example.org/levels/six"))
        #expect(warning.location.field == "achievement.level.eqf")
    }
}
