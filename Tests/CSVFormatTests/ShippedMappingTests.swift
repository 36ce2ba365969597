import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

@testable import CSVFormat

/// Each shipped mapping converts its sample export: the expected numbers of records written and
/// rejected, and the output, rejects and diagnostic counts as golden files.
@Suite struct ShippedMappingTests {
    struct Sample: CustomTestStringConvertible, Sendable {
        var name: String
        /// The mapping file, or `nil` for the default (microcred-standard).
        var usesMappingFile: Bool
        var written: Int
        var rejected: Int
        var testDescription: String { name }
    }

    static let samples = [
        Sample(name: "microcred-standard", usesMappingFile: false, written: 8, rejected: 2),
        Sample(name: "moodle-course-completion", usesMappingFile: true, written: 10, rejected: 2),
        Sample(name: "canvas-gradebook", usesMappingFile: true, written: 8, rejected: 2),
        Sample(name: "edc-recipients", usesMappingFile: true, written: 8, rejected: 2),
        Sample(name: "excel-de-semicolon", usesMappingFile: true, written: 8, rejected: 2),
    ]

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/samples")

    /// Converts `sample` to the model format under the eu-2022 profile.
    static func convert(_ sample: Sample) throws -> (report: RunReport, output: String, rejects: String) {
        let input = RepositoryPaths.sampleData.appendingPathComponent("csv/\(sample.name).csv").path
        let mapping = sample.usesMappingFile ? RepositoryPaths.mappings.appendingPathComponent("csv/\(sample.name).yaml").path : nil
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-samples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputPath = folder.appendingPathComponent("out.jsonl").path
        let rejectsPath = folder.appendingPathComponent("rejects.jsonl").path
        let request = ConversionRequest(
            inputs: [.file(input)], sourceFormat: "csv", readContext: CSVTest.context(mapping: mapping),
            target: ConversionTarget(format: "model", destination: .file(outputPath)), profile: .eu2022, stages: [],
            rejectsPath: rejectsPath)
        let registry = FormatRegistry([CSVFormat.descriptor, TestModelFormat.descriptor])
        let report = try ConversionRunner(registry: registry).run(request, standardOutput: MemorySink())
        let root = RepositoryPaths.root.path + "/"
        let output = try String(contentsOfFile: outputPath, encoding: .utf8)
        let rejects = try String(contentsOfFile: rejectsPath, encoding: .utf8).replacingOccurrences(of: root, with: "")
        return (report, output, rejects)
    }

    @Test(arguments: samples)
    func convertsItsSample(_ sample: Sample) throws {
        let (report, output, rejects) = try Self.convert(sample)
        #expect(report.inputFailures.isEmpty, "\(report.inputFailures)")
        #expect(report.recordsWritten == sample.written)
        #expect(report.recordsRejected == sample.rejected)
        #expect(report.isBalanced)
        // Every written record carries every Annex I element.
        for element in EUElement.mandatory2022 {
            #expect(report.elementCounts[element, default: 0] >= sample.written, "\(element)")
        }
        let counts = report.diagnosticCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        let summary = (["read \(report.recordsRead) written \(report.recordsWritten) rejected \(report.recordsRejected)"] + counts)
            .joined(separator: "\n") + "\n"
        Golden.assertMatches(output, golden: Self.golden.appendingPathComponent("\(sample.name).model.jsonl"))
        Golden.assertMatches(rejects, golden: Self.golden.appendingPathComponent("\(sample.name).rejects.jsonl"))
        Golden.assertMatches(summary, golden: Self.golden.appendingPathComponent("\(sample.name).report.txt"))
    }

    @Test(arguments: samples.filter(\.usesMappingFile))
    func mappingChecksClean(_ sample: Sample) {
        let path = RepositoryPaths.mappings.appendingPathComponent("csv/\(sample.name).yaml").path
        let findings = CSVMapping.check(path: path).filter { $0.severity != .note }
        #expect(findings.isEmpty, "\(findings.map(\.description))")
    }

    @Test func standardMappingFileIsTheBuiltInLayout() throws {
        let path = RepositoryPaths.mappings.appendingPathComponent("csv/microcred-standard.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == CSVMapping.standardYAML, "regenerate Mappings/csv/microcred-standard.yaml from CSVMapping.standardYAML")
        var loaded = try CSVMapping.load(path: path)
        loaded.sourcePath = nil
        loaded.columns = loaded.columns.map { column in
            var copy = column
            copy.line = nil
            return copy
        }
        #expect(loaded == CSVMapping.standard)
        #expect(CSVMapping.check(path: path).filter { $0.severity != .note }.isEmpty)
    }

    @Test func standardSampleReadsBackLosslessly() throws {
        // Writing the sample's good records again gives the sample's lines back.
        let path = RepositoryPaths.sampleData.appendingPathComponent("csv/microcred-standard.csv").path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let records = try CSVTest.read(bytes)
        let good = records.filter { $0.errorCodes.isEmpty }.compactMap(\.credential)
        #expect(good.count == 8)
        let (written, findings) = try CSVTest.write(good, context: CSVTest.context(["newline": "lf"]))
        #expect(findings.isEmpty)
        // The two broken rows come last; everything before them is what the writer writes.
        let text = String(decoding: bytes, as: UTF8.self)
        let firstBroken = try #require(text.range(of: "urn:uuid:2b0c6a34-7d1e-4c53-9a7e-000000000109"))
        #expect(String(decoding: written, as: UTF8.self) == String(text[..<firstBroken.lowerBound]))
    }
}
