import Foundation
import MicrocredCLI
import MicrocredPipeline
import MicrocredTestSupport
import Testing

@Suite struct StandardStreamsTests {
    private func run(
        _ arguments: [String], input: Data?, environment: [String: String] = [:]
    ) -> (status: Int32, output: String, errors: String) {
        let sink = MemorySink()
        var errors = ""
        let console = Console(
            standardOutput: sink, writeError: { errors += $0 }, standardInput: input,
            environment: environment.merging(["MICROCRED_DATA_DIR": RepositoryPaths.mappings.path]) { $1 },
            currentDirectory: RepositoryPaths.root.path)
        let status = MicrocredCommand.main(arguments: arguments, console: console)
        return (status, sink.text, errors)
    }

    @Test func readsStandardInputAndWritesStandardOutput() throws {
        let sample = try Data(contentsOf: RepositoryPaths.sampleData.appendingPathComponent("model/credentials.jsonl"))
        let piped = run(["convert", "--from", "model", "--to", "model", "--quiet"], input: sample)
        #expect(piped.status == 0)
        #expect(piped.output == String(decoding: sample, as: UTF8.self))
        #expect(piped.errors.isEmpty)
        let dash = run(["convert", "-", "--to", "model", "--quiet"], input: sample)
        #expect(dash.output == piped.output)
    }

    @Test func sniffsTheFormatOfStandardInput() {
        let result = run(["validate"], input: Data("{\"modelVersion\":1,\"id\":\"urn:x\"}\n".utf8))
        #expect(result.status == 2)
        #expect(result.errors.contains("-:1 (record 1, field learner): error: the credential has no identification of the learner"))
    }

    /// Open Badges JSON whose inline extension context names the Europass namespaces is still
    /// recognised as Open Badges, not taken for Europass XML.
    @Test func recognisesItsOwnOpenBadgesOutput() throws {
        let sample = try Data(contentsOf: RepositoryPaths.sampleData.appendingPathComponent("model/credentials.jsonl"))
        let badges = run(["convert", "--from", "model", "--to", "ob3", "--quiet", "--profile", "none"], input: sample)
        #expect(badges.output.contains("http://data.europa.eu/snb"))
        let back = run(["convert", "--to", "model", "--profile", "none"], input: Data(badges.output.utf8))
        #expect(back.status == 0, "\(back.errors)")
        #expect(back.errors.contains("read, ") && !back.errors.contains("0 read"))
        #expect(!back.errors.contains("xml."))
    }

    @Test func saysWhenItCannotTellTheFormat() {
        let result = run(["validate"], input: Data("just some text\n".utf8))
        #expect(result.status == 1)
        #expect(result.errors.contains("[format.undetected]"))
        #expect(result.errors.contains("hint: name it with --from"))
    }

    @Test func progressStaysOffWhenStandardErrorIsNotATerminal() {
        let result = run(["validate", "SampleData/model/credentials.jsonl"], input: nil)
        #expect(!result.errors.contains("\r"))
    }

    /// `SOURCE_DATE_EPOCH` decides `$today`, and with it the derived identifiers; a value that is
    /// no number of seconds stops the run before it reads anything.
    @Test func sourceDateEpochPinsTheRunsToday() {
        let arguments = [
            "convert", "SampleData/csv/edc-recipients.csv", "--mapping", "Mappings/csv/edc-recipients.yaml", "--to", "ob3", "--quiet",
        ]
        let first = run(arguments, input: nil, environment: ["SOURCE_DATE_EPOCH": "1796083200"])
        let again = run(arguments, input: nil, environment: ["SOURCE_DATE_EPOCH": "1796169599"])
        let nextDay = run(arguments, input: nil, environment: ["SOURCE_DATE_EPOCH": "1796169600"])
        #expect(first.status == 2)
        #expect(first.output.contains("\"validFrom\":\"2026-12-01T00:00:00Z\""))
        #expect(again.output == first.output)
        #expect(nextDay.output.contains("\"validFrom\":\"2026-12-02T00:00:00Z\""))
        #expect(nextDay.output != first.output)

        let invalid = run(arguments, input: nil, environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(invalid.status == 1)
        #expect(invalid.output.isEmpty)
        #expect(invalid.errors.contains("SOURCE_DATE_EPOCH 'yesterday' is not a number of seconds"))
        #expect(invalid.errors.contains("[run.invalid-source-date-epoch]"))
    }
}
