import ByteOutput
import MicrocredModel

/// The inline extension context for one set of used terms, with its compact serialization.
///
/// A batch uses a handful of term sets, so each context is built and serialized once and shared
/// by every document that uses the same terms; a JSON Lines writer copies its bytes instead of
/// serializing the same members again for every record (``compactSerialization(of:)``).
struct InlineExtensionContext: Sendable {
    /// The context object.
    let value: JSONValue
    /// `value` serialized compactly.
    let compact: [UInt8]

    private init(terms: UInt64) {
        value = MicrocredExtension.context(forTerms: terms)
        compact = JSONSerializer().serialize(value)
    }

    /// The context with only the prefixes and `terms`, a set of term bits.
    static func forTerms(_ terms: UInt64) -> InlineExtensionContext {
        cache.value(for: terms) { InlineExtensionContext(terms: terms) }
    }

    /// `document` serialized compactly, with this context's bytes copied in, when the document's
    /// first member is its `@context` list and the list ends with this context (where the Open
    /// Badges renderers put it); `nil` otherwise. The bytes equal `JSONSerializer().serialize(document)`.
    func compactSerialization(of document: JSONValue) -> [UInt8]? {
        guard case .object(let members) = document, let first = members.first, first.key == "@context",
            case .array(let entries) = first.value, entries.last == value
        else { return nil }
        let serializer = JSONSerializer()
        var output = ByteBuffer(capacity: compact.count * 4)
        output.append(#"{"@context":["# as StaticString)
        for entry in entries.dropLast() {
            serializer.append(entry, to: &output)
            output.append(UInt8(ascii: ","))
        }
        output.append(compact)
        output.append(UInt8(ascii: "]"))
        for member in members.dropFirst() {
            output.append(UInt8(ascii: ","))
            JSONSerializer.appendString(member.key, to: &output)
            output.append(UInt8(ascii: ":"))
            serializer.append(member.value, to: &output)
        }
        output.append(UInt8(ascii: "}"))
        return output.array()
    }

    /// The contexts made so far, by set of terms.
    private static let cache = BoundedCache<UInt64, InlineExtensionContext>(capacity: 256)
}
