import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import ModelJSONFormat
import Testing

@Suite struct ModelJSONFormatTests {
    private let format = ModelJSONFormat.descriptor

    private func write(_ credentials: [Credential]) throws -> [UInt8] {
        let makeWriter = try #require(format.makeWriter)
        let writer = try makeWriter(FormatContext())
        var bytes = writer.header
        for (index, credential) in credentials.enumerated() {
            if index > 0 { bytes += writer.separator }
            bytes += try writer.encode(credential, standalone: false).bytes
        }
        return bytes + writer.footer
    }

    private func read(_ bytes: [UInt8], chunkSize: Int = .max) throws -> [DecodedRecord] {
        let makeReader = try #require(format.makeReader)
        let reader = try makeReader(ByteSource(bytes: bytes, name: "t", chunkSize: chunkSize), FormatContext())
        var decoded: [DecodedRecord] = []
        while let record = try reader.next() {
            decoded.append(record.problems.isEmpty ? record.decoder.decode(record) : DecodedRecord(credential: nil, diagnostics: record.problems))
        }
        return decoded
    }

    @Test func readOfWriteIsIdentityOnGeneratedCredentials() throws {
        var generator = CredentialGenerator(seed: 11)
        let credentials = (0..<400).map { _ in generator.next() }
        let bytes = try write(credentials)
        #expect(try read(bytes).map(\.credential) == credentials)
        #expect(try read(bytes, chunkSize: 97).map(\.credential) == credentials)
        #expect(try write(credentials) == bytes)
    }

    @Test func writesOneLinePerCredentialWithTheVersionFirst() throws {
        let text = String(decoding: try write([Credential(id: "urn:a"), Credential(id: "urn:b")]), as: UTF8.self)
        #expect(text == "{\"modelVersion\":1,\"id\":\"urn:a\"}\n{\"modelVersion\":1,\"id\":\"urn:b\"}\n")
    }

    @Test func theSampleBatchRoundTripsByteForByte() throws {
        let url = RepositoryPaths.sampleData.appendingPathComponent("model/credentials.jsonl")
        let original = try [UInt8](Data(contentsOf: url))
        let decoded = try read(original)
        #expect(decoded.allSatisfy { $0.diagnostics.isEmpty })
        #expect(try write(decoded.compactMap(\.credential)) == original)
    }

    @Test(arguments: [
        ("{\"id\":\"x\"}", "model.missing-version"),
        ("{\"modelVersion\":2,\"id\":\"x\"}", "model.unsupported-version"),
        ("{\"modelVersion\":1,\"issued\":\"03/04/2026\"}", "model.invalid-value"),
        ("{\"modelVersion\":1,\"awardingBodies\":[{\"country\":\"DE\"}]}", "model.missing-field"),
        ("[1]", "model.not-an-object"),
        ("{\"modelVersion\":1,", "json.malformed"),
    ])
    func namesWhatIsWrongWithABadRecord(text: String, code: String) throws {
        let decoded = try read(Array(text.utf8))
        #expect(decoded.count == 1)
        #expect(decoded.first?.credential == nil)
        #expect(decoded.first?.diagnostics.map(\.code) == [code])
    }

    @Test func pointsAtTheFieldThatIsMissing() throws {
        let decoded = try read(Array("{\"modelVersion\":1,\"awardingBodies\":[{\"country\":\"DE\"}]}".utf8))
        #expect(decoded.first?.diagnostics.first?.location.field == "awardingBodies[0].name")
    }

    @Test func sniffsModelRecordsButNotOtherJSON() {
        #expect(format.sniff(ArraySlice("{\"modelVersion\":1}".utf8)) == .yes)
        #expect(format.sniff(ArraySlice("[\n{\"modelVersion\":1}".utf8)) == .yes)
        #expect(format.sniff(ArraySlice("{\"@context\":[]}".utf8)) == .no)
    }
}
