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

    /// Invalid bytes around the end of the reader's first 16 KiB slice, in text of one- to
    /// four-byte characters, give the same events and error whole (when the slice ends at its
    /// size) as in chunks of any size.
    @Test func damageAroundTheSliceSizeReadsTheSameInChunks() {
        var random = SeededRandom(seed: 31)
        let pieces = ["b", "b", "é", "字", "😀", " ", "<c/>"]
        let invalid: [[UInt8]] = [[0xFF], [0xC3], [0x80], [0xE2, 0x82], [0xF0, 0x9F], [0xC3, 0x3C]]
        // The case that needs a slice to step back more than once: a slice would end after the
        // C3, and three bytes before it is the FF.
        var cases = [Array("<a>".utf8) + [UInt8](repeating: UInt8(ascii: "b"), count: 16_375) + [0xFF, 0x3C, 0xC3, 0xA9] + Array("/></a>".utf8)]
        for _ in 0..<60 {
            var text = ""
            while text.utf8.count < 16_420 { text += random.pick(pieces) }
            var bytes = Array("<a>\(text)</a>".utf8)
            let position = 16_384 + Int.random(in: -8...4, using: &random)
            bytes.replaceSubrange(position..<position + 1, with: random.pick(invalid))
            cases.append(bytes)
        }
        var failures = 0
        for (index, bytes) in cases.enumerated() {
            let whole = Self.outcome(bytes, chunkSize: nil)
            if whole.contains(": error: ") { failures += 1 }
            for chunkSize in [4096, 65_536] {
                #expect(Self.outcome(bytes, chunkSize: chunkSize) == whole, "case \(index), chunks of \(chunkSize)")
            }
        }
        // Most replacements leave text that is not UTF-8 (some make another valid character).
        #expect(failures > 35)
    }
}
