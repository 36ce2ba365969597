import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
@testable import OpenBadgesFormat

/// Reads, decodes and writes through the Open Badges formats the way a run does, for tests.
enum OpenBadgesHarness {
    /// A fixed "today" so expiry and future-date checks do not depend on the clock.
    static let today = CalendarDate(year: 2026, month: 1, day: 15)!

    /// A read context with the fixed today.
    static func readContext(options: [String: String] = [:]) -> FormatContext {
        FormatContext(options: options, environment: RunEnvironment(today: today))
    }

    /// One record as read and decoded.
    struct Outcome {
        var record: SourceRecord
        var credential: Credential?
        /// The reader's problems and the decoder's diagnostics.
        var diagnostics: [Diagnostic]

        var codes: [String] { diagnostics.map(\.code) }
        var hasError: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Reads every record of `bytes` with the reader of `format`, diagnostics located as a run
    /// locates them.
    static func read(
        _ bytes: [UInt8], name: String = "input.json", format: FormatDescriptor = OpenBadges3Format.descriptor,
        context: FormatContext = readContext()
    ) throws -> [Outcome] {
        let source = ByteSource(bytes: bytes, name: name)
        guard let makeReader = format.makeReader else { return [] }
        let reader = try makeReader(source, context)
        var outcomes: [Outcome] = []
        while let record = try reader.next() {
            var diagnostics = record.problems
            var credential: Credential?
            if !diagnostics.contains(where: { $0.severity == .error }) {
                let decoded = record.decoder.decode(record)
                diagnostics += decoded.diagnostics
                credential = decoded.credential
            }
            outcomes.append(
                Outcome(record: record, credential: credential, diagnostics: diagnostics.map { $0.located(in: record.location) }))
        }
        return outcomes
    }

    /// Reads the file at `url`.
    static func read(
        _ url: URL, format: FormatDescriptor = OpenBadges3Format.descriptor, context: FormatContext = readContext()
    ) throws -> [Outcome] {
        try read([UInt8](Data(contentsOf: url)), name: url.lastPathComponent, format: format, context: context)
    }

    /// Reads text.
    static func read(
        text: String, format: FormatDescriptor = OpenBadges3Format.descriptor, context: FormatContext = readContext()
    ) throws -> [Outcome] {
        try read(Array(text.utf8), format: format, context: context)
    }

    /// The single credential in `text`, failing when there is not exactly one without errors.
    static func credential(_ text: String, format: FormatDescriptor = OpenBadges3Format.descriptor) throws -> Credential {
        let outcomes = try read(text: text, format: format)
        guard outcomes.count == 1, let credential = outcomes[0].credential, !outcomes[0].hasError else {
            throw HarnessError("expected one credential, got \(outcomes.map(\.codes))")
        }
        return credential
    }

    /// A write context with `options` and `secret`.
    static func writeContext(options: [String: String] = [:], secret: String? = nil) -> FormatContext {
        FormatContext(options: options, environment: RunEnvironment(today: today, secret: secret))
    }

    /// `credential` written with `format`'s writer.
    static func write(
        _ credential: Credential, format: FormatDescriptor = OpenBadges3Format.descriptor, options: [String: String] = [:],
        secret: String? = nil, standalone: Bool = false
    ) throws -> EncodedRecord {
        guard let makeWriter = format.makeWriter else { throw HarnessError("format \(format.id) cannot write") }
        let writer = try makeWriter(writeContext(options: options, secret: secret))
        do {
            return try writer.encode(credential, standalone: standalone)
        } catch {
            throw HarnessError("rejected: \(error.diagnostics.map(\.description))")
        }
    }

    /// The written document of `credential` as JSON.
    static func document(
        _ credential: Credential, format: FormatDescriptor = OpenBadges3Format.descriptor, options: [String: String] = [:],
        secret: String? = nil
    ) throws -> JSONValue {
        try JSONParser.parse(write(credential, format: format, options: options, secret: secret).bytes)
    }

    /// The diagnostics `format`'s write rules give `credential`.
    static func writeRuleFindings(_ credential: Credential, format: FormatDescriptor) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for rule in format.writeRules { rule.check(credential, context: StageContext(), diagnostics: &found) }
        return found
    }

    /// The model JSON line of `credential` (the golden form).
    static func modelLine(_ credential: Credential) throws -> String {
        guard case .object(let members) = try JSONValueEncoder().encode(credential) else { return "" }
        return JSONSerializer().string(.object([JSONMember("modelVersion", .integer(1))] + members))
    }

    /// `credential` as the normalisation stages leave it.
    static func normalised(_ credential: Credential) -> Credential {
        var copy = credential
        var diagnostics: [Diagnostic] = []
        for stage in [any NormalisationStage].standardStages {
            stage.normalise(&copy, context: StageContext(), diagnostics: &diagnostics)
        }
        return copy
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
