import MicrocredModel
import MicrocredPipeline

/// Reads model records: JSON Lines, a JSON array or a single object, one credential each.
final class ModelJSONReader: RecordReader {
    private let splitter: JSONRecordSplitter
    private let source: ByteSource
    private var count = 0

    init(source: ByteSource) {
        self.splitter = JSONRecordSplitter(source: source)
        self.source = source
    }

    var bytesRead: Int { source.bytesRead }

    func next() throws(Diagnostic) -> SourceRecord? {
        let piece: JSONRecordSplitter.Piece?
        do {
            piece = try splitter.next()
        } catch let error as JSONSplitError {
            throw Diagnostic(
                code: "json.malformed", severity: .error, message: error.message,
                hint: "the rest of the input cannot be split into records", location: SourceLocation(line: error.line))
        } catch let error as InputError {
            throw error.diagnostic
        } catch {
            throw Diagnostic.error("json.malformed", "\(error)")
        }
        guard let piece else { return nil }
        count += 1
        let location = SourceLocation(file: source.name, line: piece.line, record: count)
        do {
            let value = try JSONParser.parse(piece.bytes)
            return SourceRecord(location: location, raw: value, decoder: ModelJSONDecoder())
        } catch {
            let problem = Diagnostic(
                code: "json.malformed", severity: .error, message: error.message,
                hint: "each record must be one well-formed JSON object",
                location: SourceLocation(line: piece.line + error.line - 1, column: error.column))
            return SourceRecord(
                location: location, raw: .string(String(decoding: piece.bytes, as: UTF8.self)), problems: [problem],
                decoder: ModelJSONDecoder())
        }
    }
}

/// Decodes one model record, checking its `modelVersion`.
struct ModelJSONDecoder: RecordDecoder {
    func decode(_ record: SourceRecord) -> DecodedRecord {
        guard case .object(var members) = record.raw else {
            return DecodedRecord(credential: nil, diagnostics: [.error("model.not-an-object", "a model record must be a JSON object")])
        }
        guard let versionIndex = members.firstIndex(where: { $0.key == "modelVersion" }) else {
            return DecodedRecord(
                credential: nil,
                diagnostics: [
                    .error(
                        "model.missing-version", "the record has no 'modelVersion'",
                        hint: "model records start with \"modelVersion\": \(ModelJSONFormat.modelVersion)", field: "modelVersion")
                ])
        }
        guard members[versionIndex].value == .integer(ModelJSONFormat.modelVersion) else {
            return DecodedRecord(
                credential: nil,
                diagnostics: [
                    .error(
                        "model.unsupported-version",
                        "model version \(JSONSerializer().string(members[versionIndex].value)) is not supported",
                        hint: "this build reads model version \(ModelJSONFormat.modelVersion)", field: "modelVersion")
                ])
        }
        members.remove(at: versionIndex)
        do {
            let credential = try JSONValueDecoder().decode(Credential.self, from: .object(members))
            return DecodedRecord(credential: credential)
        } catch let error as DecodingError {
            return DecodedRecord(credential: nil, diagnostics: [Self.diagnostic(for: error)])
        } catch {
            return DecodedRecord(credential: nil, diagnostics: [.error("model.invalid", "\(error)")])
        }
    }

    private static func diagnostic(for error: DecodingError) -> Diagnostic {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return .error("model.missing-field", "required field '\(field)' is missing", field: field)
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let field = path(context.codingPath)
            return .error(
                "model.invalid-value", "field '\(field)': \(context.debugDescription)",
                hint: "see docs/model.md for the type of each field", field: field)
        @unknown default:
            return .error("model.invalid", "\(error)")
        }
    }
}
