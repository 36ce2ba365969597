import Foundation
import MicrocredCLI
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

@Suite struct SchemaValidationTests {
    private func validate(_ inputs: [String], schema: String, extra: [String] = []) -> (status: Int32, errors: String) {
        var errors = ""
        let console = Console(
            standardOutput: MemorySink(), writeError: { errors += $0 }, environment: ["MICROCRED_DATA_DIR": RepositoryPaths.mappings.path],
            currentDirectory: RepositoryPaths.root.path)
        let status = MicrocredCommand.main(arguments: ["validate", "--xsd", schema] + inputs + extra, console: console)
        return (status, errors)
    }

    @Test func officialSamplesAreValidAndViolationsAreLocated() throws {
        guard let xsd = RefData.url("elm/edc-v1-xml/xsd/genericschema_1.2.xsd"),
            let sample = RefData.url("elm/edc-v1-xml/samples/EDC_WileECoyote_Simple.xml"),
            let fixture = RefData.url("elm/edc-v1-xml/test-fixtures/credential-generic-contactPoint-choice-KO.xml")
        else { return }
        let valid = validate([sample.path], schema: xsd.path)
        #expect(valid.status == 0)
        #expect(valid.errors.contains("1 read, 1 passed, 0 rejected"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xsd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.json")
        let invalid = validate([sample.path, fixture.path], schema: xsd.path, extra: ["--report", report.path])
        #expect(invalid.status == 2)
        #expect(invalid.errors.contains("credential-generic-contactPoint-choice-KO.xml:16:"))
        #expect(invalid.errors.contains("[xml.schema-violation]"))
        let json = try JSONParser.parse(Array(try Data(contentsOf: report)))
        #expect(json["recordsRead"] == .integer(2))
        #expect(json["recordsRejected"] == .integer(1))
    }

    @Test func aMissingSchemaFailsTheRun() {
        let result = validate([RepositoryPaths.sampleData.appendingPathComponent("model/credentials.jsonl").path], schema: "/nonexistent.xsd")
        #expect(result.status == 1)
        #expect(result.errors.contains("xml.unreadable"))
    }

    @Test func aDocumentThatIsNotXMLIsRejectedWithTheReadersCode() throws {
        guard let xsd = RefData.url("elm/edc-v1-xml/xsd/genericschema_1.2.xsd") else { return }
        let result = validate([RepositoryPaths.sampleData.appendingPathComponent("model/credentials.jsonl").path], schema: xsd.path)
        #expect(result.status == 2)
        #expect(result.errors.contains("[xml.malformed]") || result.errors.contains("[xml.empty-document]"))
    }
}
