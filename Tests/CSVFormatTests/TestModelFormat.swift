import MicrocredModel
import MicrocredPipeline

/// The `model` format's writer, re-done here so the golden tests need no dependency on the
/// ModelJSON target: JSON Lines, `modelVersion` first, members in model order.
enum TestModelFormat {
    static let descriptor = FormatDescriptor(
        id: "model", displayName: "model (test writer)", fileExtensions: ["jsonl"], sniff: { _ in .no }, makeReader: nil,
        makeWriter: { _ in Writer() })

    struct Writer: RecordWriter {
        var header: [UInt8] { [] }
        var separator: [UInt8] { [] }
        var footer: [UInt8] { [] }
        var documentExtension: String { "jsonl" }

        func encode(_ credential: Credential, standalone: Bool) throws(RecordRejection) -> EncodedRecord {
            guard case .object(let members)? = try? JSONValueEncoder().encode(credential) else {
                throw RecordRejection([.error("model.unencodable", "cannot encode")])
            }
            var bytes = JSONSerializer().serialize(.object([JSONMember("modelVersion", .integer(1))] + members))
            bytes.append(0x0A)
            return EncodedRecord(bytes: bytes)
        }
    }
}
