import MicrocredModel
import MicrocredTestSupport
import Testing

/// The two ``JSONContentSink``s agree with the tree and the serializer: a value sent through the
/// calls, with its containers opened and closed or put whole at random, comes out of
/// ``JSONTreeBuilder`` as the same value and out of ``JSONByteWriter`` as the bytes
/// ``JSONSerializer`` writes, with the same names noted as a walk of the tree finds.
@Suite struct JSONContentSinkTests {
    /// The names noted; `@context` (the last) is the one not looked inside.
    static let names = FixedStringIndex(["id", "name", "é", "a\"b", "type", "@context"])
    static let keys = ["id", "name", "é", "a\"b", "type", "@context", "other", "ids", "", "line\nbreak"]

    static func randomValue(depth: Int, using random: inout SeededRandom) -> JSONValue {
        switch Int.random(in: 0..<(depth > 3 ? 4 : 7), using: &random) {
        case 0: return .null
        case 1: return .bool(random.chance(0.5))
        case 2: return .number(random.pick(["0", "-1.5", "1e3", "42"]))
        case 3: return .string(random.pick(["", "plain", "quote \" and \\", "tab\tline\n", "ünïcödé 🎓", "\u{1}"]))
        case 4, 5:
            let count = Int.random(in: 0..<5, using: &random)
            return .object((0..<count).map { _ in JSONMember(random.pick(keys), randomValue(depth: depth + 1, using: &random)) })
        default:
            let count = Int.random(in: 0..<5, using: &random)
            return .array((0..<count).map { _ in randomValue(depth: depth + 1, using: &random) })
        }
    }

    /// Sends `value` through `sink` as member `key` (or an element), streaming its containers
    /// or putting them whole at random.
    static func send<Sink: JSONContentSink & ~Copyable>(
        _ value: JSONValue, key: String?, to sink: inout Sink, using random: inout SeededRandom
    ) {
        switch value {
        case .object(let members) where random.chance(0.7):
            sink.openObject(key)
            for member in members { send(member.value, key: member.key, to: &sink, using: &random) }
            sink.close()
        case .array(let elements) where random.chance(0.7):
            sink.openArray(key)
            for element in elements { send(element, key: nil, to: &sink, using: &random) }
            sink.close()
        case .string(let text) where random.chance(0.5):
            sink.put(key, string: text)
        default:
            sink.put(key, value)
        }
    }

    @Test func sinksAgreeWithTheTreeAndTheSerializer() {
        var random = SeededRandom(seed: 2_026)
        for round in 0..<2_000 {
            let value = Self.randomValue(depth: 0, using: &random)
            let seed = random.next()
            var builder = JSONTreeBuilder()
            var treeRandom = SeededRandom(seed: seed)
            Self.send(value, key: nil, to: &builder, using: &treeRandom)
            #expect(builder.value == value, "round \(round)")

            var writer = JSONByteWriter(noting: Self.names, notInside: 5, capacity: 16)
            var byteRandom = SeededRandom(seed: seed)
            Self.send(value, key: nil, to: &writer, using: &byteRandom)
            #expect(writer.array == JSONSerializer().serialize(value), "round \(round)")
            var found: UInt64 = 0
            value.collectMemberNames(listedIn: Self.names, notInside: 5, into: &found)
            #expect(writer.namesWritten == found, "round \(round)")
        }
    }

    @Test func namesInsideTheOpaqueMemberAreNotNoted() {
        var writer = JSONByteWriter(noting: Self.names, notInside: 5)
        writer.openObject(nil)
        writer.openObject("@context")
        writer.put("id", string: "inside")
        writer.openArray("name")
        writer.close()
        writer.close()
        writer.put("type", .object([JSONMember("@context", .object([JSONMember("é", "x")])), JSONMember("a\"b", .null)]))
        writer.close()
        #expect(String(decoding: writer.array, as: UTF8.self) == #"{"@context":{"id":"inside","name":[]},"type":{"@context":{"é":"x"},"a\"b":null}}"#)
        #expect(writer.namesWritten == 1 << 4 | 1 << 3, "type and a\"b; not id, name or é")
    }
}
