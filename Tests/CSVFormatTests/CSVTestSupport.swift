import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

@testable import CSVFormat

/// One record as a test sees it: what the reader split and what the decoder made of it.
struct ReadRecord {
    var source: SourceRecord
    var decoded: DecodedRecord

    /// Every diagnostic: the reader's problems, then the decoder's.
    var diagnostics: [Diagnostic] { source.problems + decoded.diagnostics }
    var codes: [String] { diagnostics.map(\.code) }
    var errorCodes: [String] { diagnostics.filter { $0.severity == .error }.map(\.code) }
    var credential: Credential? { decoded.credential }
}

enum CSVTest {
    static let today = CalendarDate(year: 2026, month: 6, day: 30)!

    /// A context for reading or writing with `options` and an optional mapping file.
    static func context(_ options: [String: String] = [:], mapping: String? = nil) -> FormatContext {
        FormatContext(options: options, mappingPath: mapping, environment: RunEnvironment(today: today))
    }

    /// Reads `bytes` with the csv reader and decodes every record.
    static func read(_ bytes: [UInt8], context: FormatContext = context(), name: String = "test.csv") throws(Diagnostic) -> [ReadRecord] {
        try read(ByteSource(bytes: bytes, name: name), context: context)
    }

    /// Writes `bytes` to a temporary file and reads it from there (in chunks, as a run does).
    static func readFile(_ bytes: [UInt8], context: FormatContext) throws -> [ReadRecord] {
        try TemporaryFolder.withFile(bytes, name: "input.csv") { path in
            try read(try ByteSource(path: path), context: context)
        }
    }

    /// Reads `source` with the csv reader and decodes every record.
    private static func read(_ source: ByteSource, context: FormatContext) throws(Diagnostic) -> [ReadRecord] {
        let reader = try CSVReader(source: source, context: context)
        var records: [ReadRecord] = []
        while let record = try reader.next() {
            let decoded = record.problems.contains { $0.severity == .error }
                ? DecodedRecord(credential: nil) : record.decoder.decode(record)
            records.append(ReadRecord(source: record, decoded: decoded))
        }
        return records
    }

    /// Reads `text` (UTF-8) with mapping YAML `yaml` (written to a temporary file).
    static func read(_ text: String, yaml: String? = nil, options: [String: String] = [:]) throws -> [ReadRecord] {
        guard let yaml else { return try read(Array(text.utf8), context: context(options)) }
        return try withTemporaryFile(yaml, name: "mapping.yaml") { path in
            try read(Array(text.utf8), context: context(options, mapping: path))
        }
    }

    /// Writes `credentials` with the csv writer: the whole batch's bytes and the writer's findings.
    static func write(_ credentials: [Credential], context: FormatContext = context()) throws -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        let writer = try CSVWriter(context: context)
        var bytes = writer.header
        var diagnostics: [Diagnostic] = []
        for credential in credentials {
            let encoded = try writer.encode(credential, standalone: false)
            bytes += encoded.bytes
            diagnostics += encoded.diagnostics
        }
        return (bytes + writer.footer, diagnostics)
    }

    /// Runs `body` with the path of a temporary file holding `text`, removed afterwards.
    static func withTemporaryFile<Result>(_ text: String, name: String, _ body: (String) throws -> Result) throws -> Result {
        try TemporaryFolder.withFile(Array(text.utf8), name: name, body)
    }
}
