import ELMFormat
import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

/// Credentials cut out of a wrapper and parsed by their decoders (as runs with several jobs read
/// them) read exactly as the reader reads them itself: the same records at the same places, the
/// same warnings and findings, and, in a document that is not well-formed, the same error after
/// the same records.
@Suite struct CutCredentialTests {
    /// What reading a document gives, in the order a run sees it.
    struct Reading: Equatable {
        var records: [String] = []
        var failure: String?
    }

    static func describe(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.code) \(diagnostic.severity) \(diagnostic.location.line ?? 0):\(diagnostic.location.column ?? 0) \(diagnostic.message)"
    }

    /// Reads `bytes` record by record as a run does, handed over in chunks of `chunkSize` bytes: a
    /// record whose decoder finds the input unreadable ends it.
    static func read(_ bytes: [UInt8], cutting: Bool, chunkSize: Int = .max) throws -> Reading {
        var context = ELM.context()
        context.parsesRecordsInDecoder = cutting
        guard let makeReader = ELMXMLFormat.descriptor.makeReader else { return Reading() }
        var reading = Reading()
        do {
            let reader = try makeReader(ByteSource(bytes: bytes, name: "batch.xml", chunkSize: chunkSize), context)
            while let record = try reader.next() {
                let decoded = record.decoder.decode(record)
                if let failure = decoded.inputFailure {
                    reading.failure = describe(failure)
                    break
                }
                let diagnostics = (record.problems + decoded.diagnostics).map(describe)
                let model = try decoded.credential.map(ELM.modelJSON) ?? "-"
                var processed = record
                if let parsed = decoded.parsedPayload { processed.payload = parsed }
                let raw = record.decoder.raw(of: processed).stringValue ?? ""
                reading.records.append("\(record.location) \(diagnostics) \(model) \(raw.count)")
            }
        } catch let failure as Diagnostic {
            reading.failure = describe(failure)
        }
        return reading
    }

    /// A wrapper of credentials written in several ways, between comments and blank lines.
    static func wrapper(_ random: inout SeededRandom) -> String {
        var text = random.pick(["", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"])
        text += random.pick([
            "<europassCredentials xmlns=\"http://data.europa.eu/snbUpload\">",
            "<w:europassCredentials xmlns:w=\"http://data.europa.eu/snbUpload\" xmlns:e=\"http://data.europa.eu/snb\" xmlns:x=\"relative\">\n",
        ])
        for index in 0..<Int(random.next() % 5 + 1) {
            text += random.pick(["\n", "", "  ", "\n<!-- </europassCredential> -->\n"])
            var credential = ELMSamples.credential(
                id: "urn:credential:\(index)",
                subject: random.pick([
                    "", "<!-- Zoë > -->", "<note><![CDATA[ </europassCredential> ]]></note>", "<note xmlns=\"relative\"/>",
                    "<europassCredentialNote>n</europassCredentialNote>",
                ]),
                attributes: random.pick(["", " note=\"a > b\"", "\n   xmlns:y=\"urn:y\""]))
            if random.chance(0.3) {
                credential = credential.replacing("<europassCredential ", with: "<e:europassCredential xmlns:e=\"http://data.europa.eu/snb\" ")
                    .replacing("</europassCredential>", with: "</e:europassCredential>")
            }
            if random.chance(0.2) { credential = credential.replacing("\n", with: "\r\n") }
            text += credential
        }
        let root = text.contains("<w:") ? "w:europassCredentials" : "europassCredentials"
        return text + random.pick(["\n", ""]) + "</\(root)>\n"
    }

    /// `bytes`, damaged in one of the ways a broken export is: cut short, or a byte changed (to
    /// markup, or to a byte that is not UTF-8 there).
    static func damaged(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = bytes
        let offset = Int(random.next() % UInt64(bytes.count))
        switch random.next() % 4 {
        case 0: bytes.removeSubrange(offset...)
        case 1: bytes[offset] = UInt8(ascii: "<")
        case 2: bytes[offset] = UInt8(ascii: "&")
        default: bytes[offset] = random.pick([0xFF, 0xC3])
        }
        return bytes
    }

    @Test func cutCredentialsReadAsTheReaderReadsThem() throws {
        var random = SeededRandom(seed: 11)
        var damagedFailures = 0
        for round in 0..<200 {
            var bytes = Array(Self.wrapper(&random).utf8)
            if round % 2 == 1 { bytes = Self.damaged(bytes, &random) }
            let serial = try Self.read(bytes, cutting: false)
            for chunkSize in [Int.max, 5, 64] {
                let text = "chunks of \(chunkSize): \(String(decoding: bytes, as: UTF8.self))"
                #expect(try Self.read(bytes, cutting: true, chunkSize: chunkSize) == serial, "cut, \(text)")
                if chunkSize != .max { #expect(try Self.read(bytes, cutting: false, chunkSize: chunkSize) == serial, "\(text)") }
            }
            if round % 2 == 0 {
                #expect(serial.failure == nil)
                #expect(!serial.records.isEmpty)
            } else if serial.failure != nil {
                damagedFailures += 1
            }
        }
        #expect(damagedFailures > 40)
    }

    @Test func eachWarningGoesWithTheCredentialItIsIn() throws {
        let credentials = (0..<12).map { index in
            ELMSamples.credential(id: "urn:credential:\(index)", subject: index % 4 == 3 ? "<note xmlns=\"relative-\(index)\"/>" : "")
        }
        let bytes = Array(("<europassCredentials xmlns=\"http://data.europa.eu/snbUpload\">\n" + credentials.joined(separator: "\n") + "\n</europassCredentials>\n").utf8)
        let serial = try Self.read(bytes, cutting: false)
        #expect(try Self.read(bytes, cutting: true) == serial)
        let warned = serial.records.enumerated().filter { $0.element.contains("relative-") }.map(\.offset)
        #expect(warned == [3, 7, 11])
    }

    @Test func aRunThatParsesInDecodersGivesTheSameOutputAndReportAsOneJob() throws {
        var random = SeededRandom(seed: 5)
        var text = "<europassCredentials xmlns=\"http://data.europa.eu/snbUpload\">\n"
        for index in 0..<150 { text += ELMSamples.credential(id: "urn:credential:\(index)") + "\n" }
        let whole = Array((text + "</europassCredentials>\n").utf8)
        for bytes in [whole, Self.damaged(whole, &random), Array(whole[..<(whole.count * 2 / 3)])] {
            let runs = try [1, ConversionRunner.jobsParsingInDecoders].map { jobs in
                let request = ConversionRequest(
                    inputs: [.standardInput(Data(bytes)), .standardInput(Data(whole))], sourceFormat: "elm-xml", readContext: ELM.context(),
                    target: ConversionTarget(format: "elm-xml", context: ELM.context(), destination: .standardOutput),
                    profile: .none, jobs: jobs)
                let sink = MemorySink()
                let report = try ConversionRunner(registry: PipelineTests.registry).run(request, standardOutput: sink)
                return (JSONSerializer().string(report.jsonValue), sink.text)
            }
            #expect(runs[0].0 == runs[1].0)
            #expect(runs[0].1 == runs[1].1)
        }
    }
}
