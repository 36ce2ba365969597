import ELMFormat
import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

/// `elm-xml` in a whole run: a folder of XML files is one batch, written as one wrapper document
/// or one document per credential.
@Suite struct PipelineTests {
    static let registry = FormatRegistry([ELMXMLFormat.descriptor])

    /// A folder holding a single credential, a wrapper of two, and a file cut short after one.
    static func inputFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("elm-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try ELMSamples.microCredential.write(to: folder.appendingPathComponent("a-single.xml"), atomically: true, encoding: .utf8)
        let wrapper = """
            <europassCredentials xmlns="http://data.europa.eu/snbUpload">
            \(ELMSamples.credential(id: "urn:credential:b1"))
            \(ELMSamples.credential(id: "urn:credential:b2"))
            </europassCredentials>
            """
        try wrapper.write(to: folder.appendingPathComponent("b-wrapper.xml"), atomically: true, encoding: .utf8)
        let truncated = "<europassCredentials xmlns=\"http://data.europa.eu/snbUpload\">\n" + ELMSamples.credential(id: "urn:credential:c1")
            + "\n<europassCredential xmlns=\"http://data.europa.eu/snb\"><title>"
        try truncated.write(to: folder.appendingPathComponent("c-truncated.xml"), atomically: true, encoding: .utf8)
        return folder
    }

    static func request(folder: URL, destination: OutputDestination, options: [String: String] = [:]) throws -> ConversionRequest {
        ConversionRequest(
            inputs: try InputDiscovery.inputs(for: [folder.path]), readContext: ELM.context(),
            target: ConversionTarget(format: "elm-xml", context: ELM.context(options), destination: destination),
            profile: .none, jobs: 2)
    }

    @Test func folderIsOneBatchInOneWrapperDocument() throws {
        let folder = try Self.inputFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.xml")
        let report = try ConversionRunner(registry: Self.registry).run(
            try Self.request(folder: folder, destination: .file(output.path)), standardOutput: MemorySink())
        #expect(report.recordsRead == 4)
        #expect(report.recordsWritten == 4)
        #expect(report.isBalanced)
        #expect(report.inputFailures.map(\.code) == ["xml.truncated"])
        #expect(report.inputFailures.first?.location.file?.hasSuffix("c-truncated.xml") == true)
        let read = ELM.read(output)
        #expect(read.failure == nil)
        #expect(read.credentials.map(\.id) == ["urn:credential:mc-1", "urn:credential:b1", "urn:credential:b2", "urn:credential:c1"])
    }

    @Test func splitWritesOneValidDocumentPerCredential() throws {
        let folder = try Self.inputFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("split")
        var options: [String: String] = [:]
        if let schema = ELM.schemaURL() { options["xsd"] = schema.path }
        let report = try ConversionRunner(registry: Self.registry).run(
            try Self.request(folder: folder, destination: .folder(output.path), options: options), standardOutput: MemorySink())
        #expect(report.recordsWritten == 4, "\(report.diagnosticCounts)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(files.count == 4)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: output.appendingPathComponent(file)))
            #expect(String(decoding: bytes.prefix(38), as: UTF8.self) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
            #expect(ELM.read(bytes).credentials.count == 1)
            if let violations = ELM.violations(bytes) { #expect(violations.isEmpty, "\(file): \(violations)") }
        }
    }

    @Test func rejectedRecordsKeepTheirXMLAndReasons() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("elm-rejects-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let nameless = ELMSamples.credential(id: "urn:credential:nameless")
            .replacingOccurrences(of: #"<givenNames><text lang="en" content-type="text/plain">Anna</text></givenNames>"#, with: "")
        try nameless.write(to: folder.appendingPathComponent("nameless.xml"), atomically: true, encoding: .utf8)
        var request = try Self.request(folder: folder, destination: .file(folder.appendingPathComponent("out.xml").path))
        request.rejectsPath = folder.appendingPathComponent("rejects.jsonl").path
        let report = try ConversionRunner(registry: Self.registry).run(request, standardOutput: MemorySink())
        #expect(report.recordsRejected == 1)
        #expect(report.rejectionCounts["elm.missing-given-names"] == 1)
        let rejects = try String(contentsOf: folder.appendingPathComponent("rejects.jsonl"), encoding: .utf8)
        #expect(rejects.contains("urn:credential:nameless"))
        #expect(rejects.contains("elm.missing-given-names"))
    }
}
