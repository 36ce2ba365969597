import MicrocredTestSupport
import Testing
import XMLSupport

/// The cutter hands on a document that reads as the original outside the elements it cuts, at the
/// same lines and columns, and cuts exactly the root's children sought, whatever the chunks.
@Suite struct XMLElementCutterTests {
    static let sought = XMLExpandedName(localName: "record", namespaceURI: "urn:r")

    /// A random child of the root: a record (in one of several spellings) or, rarely, something
    /// else; and whether it is a record.
    static func child(_ random: inout SeededRandom, index: Int) -> (text: String, isRecord: Bool) {
        let body = random.pick([
            "<name>Zoë \(index)</name>",
            "\n  <a x=\"1 > 0\" y='\"'>t</a>\n  <b/>\n",
            "<!-- </record> <record> --><c><![CDATA[ </record> < & ]]></c>",
            "<?pi </record>?>\n<d\n   z=\"multi\nline\">ü\r\nline</d>",
            "",
            "<record xmlns=\"urn:r\"><record/></record>",
            "<recordNote>n</recordNote><r:records xmlns:r=\"urn:r\"/>",
        ])
        switch random.next() % 8 {
        case 0: return ("<r:record xmlns:r=\"urn:r\" n=\"\(index)\">\(body)</r:record>", true)
        case 1: return ("<record\n  xmlns=\"urn:r\"\n  n=\"\(index)\">\(body)</record >", true)
        case 2: return ("<record xmlns=\"urn:r\"/>", true)
        case 3 where random.chance(0.2): return ("<other xmlns=\"urn:o\">\(body)</other>", false)
        case 4 where random.chance(0.2): return ("<record xmlns=\"urn:elsewhere\">\(body)</record>", false)
        default: return ("<record n=\"\(index)\">\(body)</record>", true)
        }
    }

    /// A random document of records, and the records the cutter should cut or hand on whole:
    /// those before the first child that is not one.
    static func document(_ random: inout SeededRandom) -> (bytes: [UInt8], records: [String]) {
        var text = random.pick(["", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "\u{FEFF}<!-- head -->\n"])
        text += random.pick(["<records xmlns=\"urn:r\">", "<w:records xmlns:w=\"urn:w\" xmlns=\"urn:r\">\n"])
        var records: [String] = []
        var cutting = true
        for index in 0..<Int(random.next() % 12) {
            text += random.pick(["\n", "", "  ", "\n<!-- between -->\n", "<?pi?>", "éé"])
            let (child, isRecord) = child(&random, index: index)
            if cutting && isRecord { records.append(child) } else { cutting = false }
            text += child
        }
        text += random.pick(["\n</records>\n", "</records>"]).replacing("</records>", with: text.contains("<w:") ? "</w:records>" : "</records>")
        return (Array(text.utf8), records)
    }

    /// What is handed on, read with the cutter over chunks of random sizes, and the outcomes.
    static func cut(_ bytes: [UInt8], _ random: inout SeededRandom) throws -> (handedOn: [UInt8], outcomes: [XMLElementCutter.Outcome]) {
        var offset = 0
        var chunkSizes = random
        let cutter = XMLElementCutter(cutting: sought) {
            guard offset < bytes.count else { return nil }
            let size = Int(chunkSizes.next() % 64) + 1
            defer { offset = min(offset + size, bytes.count) }
            return Array(bytes[offset..<min(offset + size, bytes.count)])
        }
        var handedOn: [UInt8] = []
        var outcomes: [XMLElementCutter.Outcome] = []
        while let piece = try cutter.next() {
            handedOn += piece
            while let outcome = cutter.takeOutcome() { outcomes.append(outcome) }
        }
        _ = random.next()
        return (handedOn, outcomes)
    }

    /// The events of `bytes` outside the records (their own start and end kept), with positions.
    static func eventsOutsideRecords(_ bytes: [UInt8]) throws -> [String] {
        let reader = try XMLPullReader(bytes: bytes, documentName: "test")
        var events: [String] = []
        var recordDepth: Int?
        while let event = try reader.next() {
            let isRecord = event.localName == sought.localName && event.namespaceURI == sought.namespaceURI && event.depth == 1
            if let depth = recordDepth, event.depth > depth { continue }
            if event.kind == .startElement, isRecord, !event.isEmptyElement { recordDepth = event.depth }
            if event.kind == .endElement, isRecord { recordDepth = nil }
            events.append("\(event.kind) \(event.prefix ?? ""):\(event.localName) \(event.depth) \(event.line):\(event.column)")
        }
        return events
    }

    @Test func handsOnTheDocumentAsItReadsOutsideTheRecordsAndCutsEachRecord() throws {
        var random = SeededRandom(seed: 7)
        var cutCount = 0
        for _ in 0..<300 {
            let (bytes, records) = Self.document(&random)
            let (handedOn, outcomes) = try Self.cut(bytes, &random)
            #expect(handedOn.count { $0 == 0x0A } == bytes.count { $0 == 0x0A })
            #expect(try Self.eventsOutsideRecords(handedOn) == Self.eventsOutsideRecords(bytes))
            #expect(outcomes.count == records.count)
            for (outcome, record) in zip(outcomes, records) {
                switch outcome {
                case .cut(let cut):
                    cutCount += 1
                    #expect(String(decoding: cut, as: UTF8.self) == record)
                case .whole:
                    #expect(record.hasSuffix("/>"))
                }
            }
        }
        #expect(cutCount > 500)
    }

    @Test func handsOnEverythingAsItIsWhenItCannotFollowTheDocument() throws {
        var random = SeededRandom(seed: 3)
        let documents = [
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><records xmlns=\"urn:r\"><record>a</record></records>",
            "<!DOCTYPE records><records xmlns=\"urn:r\"><record>a</record></records>",
            "<records xmlns=\"urn:r&#x3A;\"><record>a</record></records>",
            "<record xmlns=\"urn:r\"><record>a</record></record>",
            "<records xmlns=\"urn:r\"><other/><record>a</record></records>",
        ]
        for text in documents {
            let bytes = Array(text.utf8)
            let (handedOn, outcomes) = try Self.cut(bytes, &random)
            #expect(handedOn == bytes, "\(text)")
            #expect(outcomes.allSatisfy { if case .whole = $0 { false } else { true } })
            #expect(outcomes.count <= 1, "\(text)")
        }
        let badEndTag = Array("<records xmlns=\"urn:r\"><record>a</record><record>&undefined;</record junk></records>".utf8)
        let (handedOnBadEnd, outcomesBadEnd) = try Self.cut(badEndTag, &random)
        #expect(String(decoding: handedOnBadEnd, as: UTF8.self).hasSuffix("<record>&undefined;</record junk></records>"))
        #expect(outcomesBadEnd.count == 2)
        let truncated = Array("<records xmlns=\"urn:r\"><record>a</record><record>cut short".utf8)
        let (handedOn, outcomes) = try Self.cut(truncated, &random)
        #expect(String(decoding: handedOn, as: UTF8.self) == "<records xmlns=\"urn:r\"><record> </record><record>cut short")
        #expect(outcomes.count == 1)
    }

    @Test func stopsCuttingAtAnElementTooLongOrTooFarIntoItsLine() throws {
        var random = SeededRandom(seed: 9)
        let long = String(repeating: "x", count: XMLElementCutter.maximumCutSize + 10)
        for chunked in [true, false] {
            let bytes = Array("<records xmlns=\"urn:r\">\n<record>a</record>\n<record>\(long)</record>\n<record>b</record>\n</records>".utf8)
            let (handedOn, outcomes): ([UInt8], [XMLElementCutter.Outcome])
            if chunked {
                (handedOn, outcomes) = try Self.cut(bytes, &random)
            } else {
                var whole: [UInt8]? = bytes
                let cutter = XMLElementCutter(cutting: Self.sought) { defer { whole = nil }; return whole }
                var pieces: [UInt8] = []
                var taken: [XMLElementCutter.Outcome] = []
                while let piece = try cutter.next() {
                    pieces += piece
                    while let outcome = cutter.takeOutcome() { taken.append(outcome) }
                }
                (handedOn, outcomes) = (pieces, taken)
            }
            #expect(handedOn.count == bytes.count)
            #expect(Array(handedOn.suffix(bytes.count - 40)) == Array(bytes.suffix(bytes.count - 40)))
            #expect(outcomes.count == 2)
            if case .whole = outcomes.last {} else { Issue.record("the long element is cut") }
        }

        var line = "<records xmlns=\"urn:r\">"
        for index in 0..<200 { line += "<record n=\"\(index)\">text</record>" }
        let bytes = Array((line + "</records>").utf8)
        let (handedOn, outcomes) = try Self.cut(bytes, &random)
        let cutCount = outcomes.count { if case .cut = $0 { true } else { false } }
        #expect(cutCount > 50 && cutCount < 200)
        #expect(outcomes.count == cutCount + 1)
        #expect(try Self.eventsOutsideRecords(handedOn) == Self.eventsOutsideRecords(bytes))
    }
}
