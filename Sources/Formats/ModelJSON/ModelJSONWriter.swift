import MicrocredModel
import MicrocredPipeline

/// Writes model records as JSON Lines, `modelVersion` first, members in model declaration order.
struct ModelJSONWriter: RecordWriter {
    var header: [UInt8] { [] }
    var separator: [UInt8] { [] }
    var footer: [UInt8] { [] }
    var documentExtension: String { "jsonl" }

    func encode(_ credential: Credential, standalone: Bool) throws(RecordRejection) -> EncodedRecord {
        do {
            var bytes = JSONSerializer().serialize(try Self.jsonValue(for: credential))
            bytes.append(0x0A)
            return EncodedRecord(bytes: bytes)
        } catch {
            throw RecordRejection([.error("model.unencodable", "the credential cannot be encoded: \(error)")])
        }
    }

    /// The model record for `credential`, with `modelVersion` first.
    static func jsonValue(for credential: Credential) throws -> JSONValue {
        guard case .object(let members) = try JSONValueEncoder().encode(credential) else { return .object([]) }
        return .object([JSONMember("modelVersion", .integer(ModelJSONFormat.modelVersion))] + members)
    }
}
