import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

@Suite struct ConversionRunnerTests {
    private func run(
        _ script: String, jobs: Int = 1, maxRejects: Int? = nil, strict: Bool = false, rejects: String? = nil,
        destination: OutputDestination = .standardOutput, secondInput: String? = nil, disabledRules: Set<String> = []
    ) throws -> (report: RunReport, output: String) {
        var inputs = [InputSource.standardInput(Data(script.utf8))]
        if let secondInput { inputs.append(.standardInput(Data(secondInput.utf8))) }
        var request = ConversionRequest(
            inputs: inputs, sourceFormat: "script",
            target: ConversionTarget(format: "script", destination: destination), jobs: jobs, maxRejects: maxRejects,
            rejectWarnings: strict, rejectsPath: rejects)
        request.disabledRules = disabledRules
        let sink = MemorySink()
        let report = try ConversionRunner(registry: ScriptedFormat.registry).run(request, standardOutput: sink)
        return (report, sink.text)
    }

    static let mixed = """
        good a
        no-outcomes b
        garbage !!
        good c
        warn d
        reject-on-write e
        good a
        """

    @Test func accountsForEveryRecord() throws {
        let (report, output) = try run(Self.mixed)
        #expect(report.recordsRead == 7)
        #expect(report.recordsWritten == 3)
        #expect(report.recordsRejected == 4)
        #expect(report.isBalanced)
        #expect(output == "BEGIN\na\nc\nd\nEND\n")
        #expect(report.diagnosticCounts["eu.missing-learning-outcomes"] == 1)
        #expect(report.diagnosticCounts["script.garbage"] == 1)
        #expect(report.diagnosticCounts["date.issued-in-future"] == 1)
        #expect(report.diagnosticCounts["script.unwritable"] == 1)
        #expect(report.diagnosticCounts["batch.duplicate-credential-id"] == 1)
    }

    @Test func onlyARunThatWritesAsksTheDecodersForUnmappedFields() throws {
        /// The `keepsUnmappedFields` of each context a reader was opened with.
        final class Seen: @unchecked Sendable {
            private let lock = NSLock()
            private var flags: [Bool] = []
            func append(_ flag: Bool) { lock.withLock { flags.append(flag) } }
            var all: [Bool] { lock.withLock { flags } }
        }
        let seen = Seen()
        let format = FormatDescriptor(
            id: "script", displayName: "test script", fileExtensions: ["script"], sniff: { _ in .no },
            makeReader: { source, context in
                seen.append(context.keepsUnmappedFields)
                return ScriptReader(source: source)
            },
            makeWriter: { _ in ScriptWriter() })
        for target in [ConversionTarget(format: "script", destination: .standardOutput), nil] {
            let request = ConversionRequest(inputs: [.standardInput(Data("good a\n".utf8))], sourceFormat: "script", target: target)
            let report = try ConversionRunner(registry: FormatRegistry([format])).run(request, standardOutput: MemorySink())
            #expect(report.recordsRead == 1)
        }
        #expect(seen.all == [true, false], "a conversion keeps them, a validation does not")
    }

    @Test func disablingTheDuplicateRuleWritesDuplicates() throws {
        let (report, output) = try run(Self.mixed, disabledRules: ["batch.duplicate-credential-id"])
        #expect(report.recordsWritten == 4)
        #expect(report.recordsRejected == 3)
        #expect(output == "BEGIN\na\nc\nd\na\nEND\n")
        #expect(report.diagnosticCounts["batch.duplicate-credential-id"] == nil)
    }

    @Test func writesEveryRejectWithItsSourceRawRecordAndReasons() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rejects.jsonl").path
        _ = try run(Self.mixed, rejects: path)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4)
        let first = try JSONParser.parse(String(lines[0]))
        #expect(first["source"] == .object([JSONMember("file", "-"), JSONMember("line", .integer(2)), JSONMember("record", .integer(2))]))
        #expect(first["raw"] == .string("no-outcomes b"))
        #expect(first["diagnostics"]?.listValue.first?["code"] == .string("eu.missing-learning-outcomes"))
        #expect(first["diagnostics"]?.listValue.first?["field"] == .string("achievement.learningOutcomes"))
        let garbage = try JSONParser.parse(String(lines[1]))
        #expect(garbage["diagnostics"]?.listValue.first?["line"] == .integer(3))
        #expect(garbage["diagnostics"]?.listValue.first?["column"] == .integer(1))
        let duplicate = try JSONParser.parse(String(lines[3]))
        #expect(duplicate["source"]?["record"] == .integer(7))
        #expect(duplicate["diagnostics"]?.listValue.map { $0["code"] } == [.string("batch.duplicate-credential-id")])
    }

    @Test func strictRejectsWarnings() throws {
        let (report, output) = try run(Self.mixed, strict: true)
        #expect(report.recordsWritten == 2)
        #expect(report.recordsRejected == 5)
        #expect(output == "BEGIN\na\nc\nEND\n")
    }

    @Test func aFatalInputErrorKeepsEarlierRecordsAndGoesOnWithTheNextInput() throws {
        let (report, output) = try run("good a\nfatal\ngood b\n", secondInput: "good z\n")
        #expect(report.recordsRead == 2)
        #expect(report.recordsWritten == 2)
        #expect(report.inputFailures.map(\.code) == ["script.fatal"])
        #expect(report.inputFailures.first?.location.line == 2)
        #expect(output == "BEGIN\na\nz\nEND\n")
    }

    @Test func aDecoderThatFindsTheInputUnreadableEndsItThereAtAnyJobs() throws {
        var script = "good a\n"
        for index in 0..<200 { script += "good x\(index)\n" }
        script += "unreadable\n"
        for index in 0..<300 { script += "good y\(index)\n" }
        script += "fatal\n"
        let runs = try [1, 4].map { try run(script, jobs: $0, secondInput: "good z\n") }
        for (report, output) in runs {
            #expect(report.recordsRead == 202)
            #expect(report.isBalanced)
            #expect(report.inputFailures.map(\.code) == ["script.unreadable"])
            #expect(report.inputFailures.first?.location.line == 202)
            #expect(output.hasPrefix("BEGIN\na\nx0\n"))
            #expect(output.hasSuffix("x199\nz\nEND\n"))
            #expect(!output.contains("y"))
        }
        #expect(runs[0].output == runs[1].output)
        #expect(JSONSerializer().string(runs[0].report.jsonValue) == JSONSerializer().string(runs[1].report.jsonValue))
    }

    @Test func parallelRunsGiveTheSameOutputAndReport() throws {
        var script = ""
        for index in 0..<3000 {
            script += ["good", "no-outcomes", "warn", "garbage", "good"][index % 5] + " r\(index)\n"
        }
        let single = try run(script, jobs: 1)
        #expect(single.report.recordsWritten == 1800)
        // Two jobs: the reading thread and one pool thread, which it helps.
        for jobs in [2, 4] {
            let parallel = try run(script, jobs: jobs)
            #expect(single.output == parallel.output)
            #expect(single.report.diagnosticCounts == parallel.report.diagnosticCounts)
            #expect(JSONSerializer().string(single.report.jsonValue) == JSONSerializer().string(parallel.report.jsonValue))
        }
    }

    @Test func tooManyRejectsStopsTheRunAndLeavesNoOutputFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.txt").path
        let (report, _) = try run(Self.mixed, maxRejects: 1, destination: .file(path))
        #expect(report.abortReason?.code == "run.too-many-rejects")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func tooManyRejectsStopsAParallelRunToo() throws {
        let script = String(repeating: "garbage !!\ngood a\n", count: 500)
        let (report, output) = try run(script, jobs: 3, maxRejects: 10)
        #expect(report.abortReason?.code == "run.too-many-rejects")
        #expect(report.recordsRejected == 11)
        #expect(report.recordsRead == report.recordsWritten + report.recordsRejected)
        #expect(!output.contains("END"))
    }

    @Test func writesTheOutputFileAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.txt").path
        _ = try run("good a\ngood b\n", destination: .file(path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "BEGIN\na\nb\nEND\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.txt"])
    }

    @Test func splitsIntoOneFilePerRecordNamedAfterTheId() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (report, output) = try run("good ../../evil\ngood urn:uuid:1234\ngood b\n", destination: .folder(folder.path))
        #expect(report.recordsWritten == 3)
        #expect(output.isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["1234.txt", "b.txt", "evil.txt"])
        #expect(try String(contentsOf: folder.appendingPathComponent("b.txt"), encoding: .utf8) == "b\n")
    }

    @Test func reportsCompletenessOfTheBatch() throws {
        let (report, _) = try run("good a\nno-outcomes b\ngarbage x\ngood c\n")
        #expect(report.completeness(of: .learningOutcomes) == 0.5)
        #expect(report.completeness(of: .title) == 0.75)
        #expect(report.jsonValue["completeness"]?["learning-outcomes"] == .number("0.5"))
    }

    @Test func anUnknownFormatIsRefusedBeforeAnythingIsRead() {
        let request = ConversionRequest(inputs: [.standardInput(Data())], target: ConversionTarget(format: "xlsx", destination: .standardOutput))
        #expect(throws: Diagnostic.self) { try ConversionRunner(registry: ScriptedFormat.registry).run(request, standardOutput: MemorySink()) }
    }
}
