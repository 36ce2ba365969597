import ELMFormat
import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
import XMLSupport

/// Reading and writing `elm-xml` in tests, through the format's descriptor as the pipeline does.
enum ELM {
    /// The project's vocabularies (`Mappings/vocab`), loaded once.
    static let vocabularies: Vocabularies = {
        do {
            return try Vocabularies.load(from: RepositoryPaths.mappings.appendingPathComponent("vocab"))
        } catch {
            fatalError("the project's vocabularies do not load: \(error)")
        }
    }()

    /// A format context with the vocabularies and `options`.
    static func context(_ options: [String: String] = [:], vocabularies: Bool = true) -> FormatContext {
        FormatContext(options: options, vocabularies: vocabularies ? Self.vocabularies : nil)
    }

    /// The outcome of reading one input.
    struct ReadResult {
        var records: [SourceRecord] = []
        var decoded: [DecodedRecord] = []
        /// The diagnostic that ended the input, if one did.
        var failure: Diagnostic?

        var credentials: [Credential] { decoded.compactMap(\.credential) }
        /// Every diagnostic: splitting problems, decoding findings and the failure.
        var diagnostics: [Diagnostic] {
            records.flatMap(\.problems) + decoded.flatMap(\.diagnostics) + (failure.map { [$0] } ?? [])
        }
        var codes: [String] { diagnostics.map(\.code) }
        var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    }

    /// Reads `bytes` as the reader and decoder of `elm-xml` do.
    static func read(_ bytes: [UInt8], name: String = "test.xml", context: FormatContext = context()) -> ReadResult {
        read(ByteSource(bytes: bytes, name: name), context: context)
    }

    /// Reads the file at `url`.
    static func read(_ url: URL, context: FormatContext = context()) -> ReadResult {
        do {
            return read(try ByteSource(path: url.path), context: context)
        } catch {
            return ReadResult(failure: error.diagnostic)
        }
    }

    static func read(_ source: ByteSource, context: FormatContext) -> ReadResult {
        var result = ReadResult()
        do {
            guard let makeReader = ELMXMLFormat.descriptor.makeReader else { return result }
            let reader = try makeReader(source, context)
            while let record = try reader.next() {
                result.records.append(record)
                result.decoded.append(record.decoder.decode(record))
            }
        } catch {
            result.failure = error
        }
        return result
    }

    /// A writer for `context`.
    static func writer(_ context: FormatContext = context()) throws -> any RecordWriter {
        guard let makeWriter = ELMXMLFormat.descriptor.makeWriter else { throw Diagnostic.error("test", "no writer") }
        return try makeWriter(context)
    }

    /// Writes `credential` as a standalone document.
    static func write(_ credential: Credential, context: FormatContext = context()) throws -> EncodedRecord {
        try writer(context).encode(credential, standalone: true)
    }

    /// The failures of the format's write rules for `credential`.
    static func ruleFindings(_ credential: Credential, context: FormatContext = context()) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in ELMXMLFormat.descriptor.writeRules {
            rule.check(credential, context: StageContext(format: context, targetFormat: "elm-xml"), diagnostics: &diagnostics)
        }
        return diagnostics
    }

    /// The model JSON of a credential (the `model` format's encoding, members in declaration order).
    static func modelJSON(_ credential: Credential) throws -> String {
        JSONSerializer().string(try JSONValueEncoder().encode(credential))
    }

    /// The model JSON of a credential for a golden file: indented, with every string longer than
    /// 400 characters (base64 images, large kept XML) replaced by its length and a name-based UUID
    /// of its content, so the file stays reviewable while any change to the value still shows.
    static func goldenJSON(_ credential: Credential) throws -> String {
        func compact(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let text) where text.utf8.count > 400:
                let digest = NameBasedUUID.make(namespace: NameBasedUUID.microcredNamespace, name: text).uuidString.lowercased()
                return .string("<\(text.utf8.count) bytes, uuid5 \(digest)> " + String(text.prefix(120)))
            case .array(let values): return .array(values.map(compact))
            case .object(let members): return .object(members.map { JSONMember($0.key, compact($0.value)) })
            default: return value
            }
        }
        return JSONSerializer(indent: 2).string(compact(try JSONValueEncoder().encode(credential))) + "\n"
    }

    /// Where the schema is in the shared reference data.
    static let schemaRelativePath = "elm/edc-v1-xml/xsd/genericschema_1.2.xsd"

    /// The schema, loaded once, or `nil` without reference data.
    static let schema: XMLSchema? = {
        let url = RepositoryPaths.refData.appendingPathComponent(schemaRelativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try? XMLSchema(contentsOf: url.path)
    }()

    /// The schema's URL; `nil` (and a recorded issue under `MICROCRED_REQUIRE_REFDATA=1`) without
    /// reference data.
    static func schemaURL(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> URL? {
        RefData.url(schemaRelativePath, sourceLocation: sourceLocation)
    }

    /// The schema violations of `bytes`; `nil` (and a recorded issue under
    /// `MICROCRED_REQUIRE_REFDATA=1`) without reference data.
    static func violations(_ bytes: [UInt8], name: String = "written.xml", sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [XMLIssue]? {
        guard let schema, schemaURL(sourceLocation: sourceLocation) != nil else { return nil }
        return schema.validate(bytes, documentName: name).filter { $0.severity == .error }
    }

    /// `text` as bytes.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
