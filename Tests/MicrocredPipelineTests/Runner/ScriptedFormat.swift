import Foundation
import MicrocredModel
import MicrocredPipeline

/// A test format whose input is a script, one record per line:
/// `good ID`, `no-outcomes ID`, `warn ID` (issued in the future), `garbage TEXT`, `fatal` (the rest
/// of the input is unreadable), `unreadable` (the decoder finds that the rest of the input is
/// unreadable), `reject-on-write ID` (the writer refuses it).
/// Its writer writes each credential id on its own line between `BEGIN` and `END`.
enum ScriptedFormat {
    static let descriptor = FormatDescriptor(
        id: "script", displayName: "test script", fileExtensions: ["script"],
        sniff: { String(decoding: $0, as: UTF8.self).hasPrefix("good") ? .yes : .no },
        makeReader: { source, _ in ScriptReader(source: source) },
        makeWriter: { _ in ScriptWriter() })

    static let registry = FormatRegistry([descriptor])

    static func complete(id: String) -> Credential {
        Credential(
            id: id, title: LocalizedText("Course \(id)"), issued: .date(CalendarDate(year: 2026, month: 3, day: 1)!),
            learner: Learner(fullName: "Learner \(id)"),
            awardingBodies: [Organisation(name: "Hochschule Beispielstadt", country: "DE")],
            achievement: Achievement(
                learningOutcomes: [LearningOutcome(text: "Outcome")], level: Level(eqf: 6),
                workload: Workload(credits: [CreditPoints(points: DecimalNumber(5))]), participation: Participation(mode: "online"),
                assessment: Assessment(type: "exam"), qualityAssurance: [QualityAssurance(type: "internal")]))
    }
}

final class ScriptReader: RecordReader {
    private var lines: [String]
    private var index = 0
    let bytesRead: Int

    init(source: ByteSource) {
        let bytes = (try? source.readAll()) ?? []
        bytesRead = bytes.count
        lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func next() throws(Diagnostic) -> SourceRecord? {
        guard index < lines.count else { return nil }
        let line = lines[index]
        index += 1
        if line == "fatal" {
            throw Diagnostic(code: "script.fatal", severity: .error, message: "cannot go on", location: SourceLocation(line: index))
        }
        let location = SourceLocation(line: index, record: index)
        if line.hasPrefix("garbage") {
            return SourceRecord(
                location: location, raw: .string(line),
                problems: [Diagnostic(code: "script.garbage", severity: .error, message: "unparseable '\(line)'", location: SourceLocation(column: 1))],
                decoder: ScriptDecoder())
        }
        return SourceRecord(location: location, raw: .string(line), decoder: ScriptDecoder())
    }
}

struct ScriptDecoder: RecordDecoder {
    func decode(_ record: SourceRecord) -> DecodedRecord {
        if record.raw.stringValue == "unreadable" {
            return DecodedRecord(
                inputFailure: Diagnostic(
                    code: "script.unreadable", severity: .error, message: "cannot go on from here", location: record.location))
        }
        let parts = record.raw.stringValue?.split(separator: " ").map(String.init) ?? []
        guard parts.count == 2 else { return DecodedRecord(credential: nil, diagnostics: [.error("script.bad-line", "bad line")]) }
        var credential = ScriptedFormat.complete(id: parts[1])
        switch parts[0] {
        case "no-outcomes": credential.achievement.learningOutcomes = []
        case "warn": credential.issued = .date(CalendarDate(year: 2999, month: 1, day: 1)!)
        case "reject-on-write": credential.title = "REJECT"
        default: break
        }
        return DecodedRecord(credential: credential)
    }
}

struct ScriptWriter: RecordWriter {
    var header: [UInt8] { Array("BEGIN\n".utf8) }
    var separator: [UInt8] { [] }
    var footer: [UInt8] { Array("END\n".utf8) }
    var documentExtension: String { "txt" }

    func encode(_ credential: Credential, standalone: Bool) throws(RecordRejection) -> EncodedRecord {
        if credential.title?.primary == "REJECT" {
            throw RecordRejection([.error("script.unwritable", "cannot write this one", field: "title")])
        }
        return EncodedRecord(bytes: Array(((credential.id ?? "?") + "\n").utf8))
    }
}
