import MicrocredTestSupport
import Testing
import XMLSupport

@Suite("XMLPullReader: damaged input read in chunks")
struct XMLPullReaderChunkingTests {
    /// A document with text in one- to four-byte characters, in text and attribute values.
    static let document = Array(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <batch xmlns="urn:example" xmlns:x="urn:extra">
          <record id="1" x:note="café">Ångström — 字 😀 plain text</record>
          <record id="2"><name lang="el">Ελληνικά</name><!-- ü comment --><title>Łódź &amp; Kraków</title></record>
          <record id="3"><![CDATA[ünïcødé <raw>]]><empty/></record>
        </batch>

        """.utf8)

    /// The events before the reading stopped and what stopped it, as one comparable text.
    static func outcome(_ bytes: [UInt8], chunkSize: Int?) -> String {
        var lines: [String] = []
        do {
            let reader = try makeReader(bytes, chunkSize: chunkSize)
            while let event = try reader.next() { lines.append(summary(event)) }
            lines.append("end")
        } catch {
            lines.append("\(error)")
        }
        return lines.joined(separator: "\n")
    }

    /// Damaged copies of the document (cut short, a byte replaced by markup or by a byte that
    /// is not UTF-8 there, a byte removed) give the same events, and the same error at the same
    /// place, in chunks of any size as whole.
    @Test(arguments: [1, 2, 3, 5, 64])
    func damagedDocumentsReadTheSameInChunksOfAnySize(chunkSize: Int) {
        var random = SeededRandom(seed: 29)
        let replacements: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: "&"), 0xC3, 0xE2, 0xF0, 0x80, 0xFF]
        for round in 0..<400 {
            var bytes = Self.document
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch round % 3 {
            case 0: bytes.removeSubrange(position...)
            case 1: bytes[position] = random.pick(replacements)
            default: bytes.remove(at: position)
            }
            let whole = Self.outcome(bytes, chunkSize: nil)
            let chunked = Self.outcome(bytes, chunkSize: chunkSize)
            #expect(chunked == whole, "round \(round), damage at byte \(position)")
        }
    }
}
