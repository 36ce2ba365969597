import CLibXML2
import MicrocredTestSupport
import Testing

@testable import XMLSupport

/// Documents in UTF-16 and in the single-byte encodings the reader converts to UTF-8 itself: they
/// read as libxml2 reads them, and a byte not valid in the encoding stops the reading at the same
/// place, after the same events, however the input arrives.
@Suite("XMLPullReader: documents in other encodings")
struct XMLPullReaderEncodingTests {
    /// The encodings converted, each with how a document is written in it and bytes that are not
    /// valid in it.
    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var declared: String
        var encode: @Sendable (String) -> [UInt8]
        var invalid: [[UInt8]]
    }

    static let cases: [Case] = [
        singleByte(.windows1252, declared: "windows-1252", invalid: [[0x81], [0x8D], [0x8F], [0x90], [0x9D]]),
        singleByte(.latin1, declared: "ISO-8859-1", invalid: []),
        singleByte(.latin9, declared: "iso-8859-15", invalid: []),
        singleByte(.usASCII, declared: "US-ASCII", invalid: [[0x80], [0xE9], [0xFF]]),
        Case(description: "UTF-16LE with a byte order mark", declared: "UTF-16", encode: { [0xFF, 0xFE] + utf16($0, bigEndian: false) }, invalid: surrogates(bigEndian: false)),
        Case(description: "UTF-16BE with a byte order mark", declared: "UTF-16", encode: { [0xFE, 0xFF] + utf16($0, bigEndian: true) }, invalid: surrogates(bigEndian: true)),
        Case(description: "UTF-16LE without a byte order mark", declared: "UTF-16", encode: { utf16($0, bigEndian: false) }, invalid: surrogates(bigEndian: false)),
    ]

    /// A document in `declared`, with text each encoding has (and Windows-1252 and ISO-8859-15
    /// their euro sign).
    static func document(declared: String) -> String {
        let euro = declared.hasPrefix("windows") || declared.hasPrefix("iso-8859-15") ? " 12 €" : ""
        let accented = declared == "US-ASCII" ? "cafe" : "café Ångström"
        let name = declared == "US-ASCII" ? "Gruesse" : "Grüße"
        return """
            <?xml version="1.0" encoding="\(declared)"?>
            <batch xmlns="urn:example">
              <record id="1" note="\(accented)">\(accented)\(euro) &amp; more</record>
              <record id="2"><name lang="de">\(name)</name><empty/></record>
            </batch>

            """
    }

    /// Damaged copies (a byte made invalid in the encoding, a byte removed, the end cut off) read
    /// the same in chunks of any size as whole.
    @Test(arguments: cases.indices)
    func damagedDocumentsReadTheSameInChunksOfAnySize(index: Int) {
        let encoding = Self.cases[index]
        let original = encoding.encode(Self.document(declared: encoding.declared))
        #expect(!XMLPullReaderChunkingTests.outcome(original, chunkSize: nil).contains("error"), "\(encoding) reads")
        var random = SeededRandom(seed: 53)
        var stopped = 0
        for round in 0..<150 {
            var bytes = original
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch round % 3 {
            case 0 where !encoding.invalid.isEmpty:
                bytes.replaceSubrange(position..<min(bytes.count, position + 2), with: random.pick(encoding.invalid))
            case 1: bytes.remove(at: position)
            default: bytes.removeSubrange(position...)
            }
            let whole = XMLPullReaderChunkingTests.outcome(bytes, chunkSize: nil)
            if whole.contains("xml.encoding") { stopped += 1 }
            for chunkSize in [1, 2, 3, 7, 64] {
                #expect(XMLPullReaderChunkingTests.outcome(bytes, chunkSize: chunkSize) == whole, "\(encoding), round \(round), chunks of \(chunkSize)")
            }
        }
        if encoding.declared != "ISO-8859-1", encoding.declared != "iso-8859-15" {
            #expect(stopped > 10, "\(encoding): bytes not valid in the encoding stop the reading")
        }
    }

    @Test func reportsAByteNotValidInWindows1252WhereItIs() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<a>\n  <b>caf".utf8) + [0xE9, 0x81] + Array("</b>\n</a>".utf8)
        for chunkSize in [nil, 1, 5] {
            let reader = try makeReader(bytes, chunkSize: chunkSize)
            var events: [String] = []
            let error = #expect(throws: XMLError.self) {
                while let event = try reader.next() { events.append(summary(event)) }
            }
            #expect(events == ["start a@2:1 d0", "space \"\\n  \"@2:4 d1", "start b@3:3 d1"], "chunks of \(chunkSize ?? 0)")
            #expect(error?.issue.code == XMLIssue.Code.encoding)
            #expect(error?.issue.line == 3)
            #expect(error?.issue.column == 10)
            #expect(error?.issue.message == "byte 0x81 stands for no character in windows-1252, the encoding the document declares")
        }
    }

    @Test func reportsAnUnpairedSurrogateWhereItIs() throws {
        var bytes: [UInt8] = [0xFF, 0xFE] + Self.utf16("<a>\n 😀x", bigEndian: false)
        bytes += [0x00, 0xD8, 0x41, 0x00] + Self.utf16("</a>", bigEndian: false)
        for chunkSize in [nil, 1, 3] {
            let error = readError(bytes, chunkSize: chunkSize)
            #expect(error?.issue.code == XMLIssue.Code.encoding)
            #expect(error?.issue.line == 2)
            #expect(error?.issue.column == 4)
            #expect(error?.issue.message.contains("input is not valid UTF-16: high surrogate 0xD800 is not followed by a low one") == true)
        }
        let cutInACharacter = [0xFF, 0xFE] + Self.utf16("<a>x</a>", bigEndian: false) + [0x0A]
        #expect(readError(cutInACharacter)?.issue.message.contains("input ends inside a UTF-16 character") == true)
    }

    /// Every byte beyond ASCII in each single-byte encoding reads as libxml2 itself converts it
    /// (through the C library), or is refused where libxml2 refuses it.
    @Test(arguments: ["windows-1252", "ISO-8859-1", "ISO-8859-15", "US-ASCII", "cp1252", "latin1"])
    func convertsEveryByteAsLibxml2Does(encoding: String) throws {
        for byte in UInt8(0x80)...0xFF {
            let bytes = Array("<?xml version=\"1.0\" encoding=\"\(encoding)\"?><a>".utf8) + [byte] + Array("</a>".utf8)
            let expected = Self.libxml2Text(of: bytes)
            let read: String?
            do {
                read = try readEvents(bytes).first { $0.kind == .text }?.value
            } catch let error as XMLError {
                #expect(error.issue.code == XMLIssue.Code.encoding, "\(encoding) byte \(byte)")
                read = nil
            }
            #expect(read == expected, "\(encoding) byte \(byte)")
        }
    }

    /// Declarations the reader tells the encoding from, and the ones it leaves to libxml2.
    @Test func tellsTheEncodingFromTheFirstBytes() {
        func detect(_ text: String, atEnd: Bool = true) -> XMLSourceEncoding.Detection {
            XMLSourceEncoding.detect(Array(text.utf8)[...], atEnd: atEnd)
        }
        #expect(detect("<?xml version='1.0' encoding='CP1252'?><a/>") == .convert(.singleByte(.windows1252), declaring: nil))
        #expect(detect("<?xml version=\"1.0\"\n  encoding = \"latin1\" ?><a/>") == .convert(.singleByte(.latin1), declaring: nil))
        #expect(detect("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>") == .asIs)
        #expect(detect("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a/>") == .asIs)
        #expect(detect("<?xml version=\"1.0\" myencoding=\"latin1\"?><a/>") == .asIs)
        #expect(detect("<?xml version=\"1.0\" encoding=\"latin1\"", atEnd: false) == .needMore)
        #expect(detect("<a/>") == .asIs)
        #expect(detect("<?x", atEnd: false) == .needMore)
        #expect(XMLSourceEncoding.detect([0xFF, 0xFE, 0x3C, 0x00], atEnd: false) == .needMore, "the declaration of UTF-16 is read first")
        #expect(XMLSourceEncoding.detect([0xFF, 0xFE, 0x00, 0x00], atEnd: false) == .asIs)
        #expect(XMLSourceEncoding.detect([0x00, 0x3C, 0x00, 0x3F], atEnd: false) == .needMore)
        let long = "<?xml version=\"1.0\"" + String(repeating: " ", count: 2000) + "encoding=\"latin1\"?><a/>"
        #expect(detect(long) == .asIs, "a declaration longer than the reader looks at is libxml2's")
        #expect(detect("<?xml-stylesheet href='a.xsl' encoding='ISO-8859-1'?><a/>") == .asIs, "a processing instruction is no declaration")
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(XMLSourceEncoding.detect((bom + Array("<?xml version='1.0' encoding='windows-1252'?><a/>".utf8))[...], atEnd: true) == .utf8Declaring("windows-1252"))
        #expect(XMLSourceEncoding.detect((bom + Array("<?xml version='1.0' encoding='utf-8'?><a/>".utf8))[...], atEnd: true) == .asIs)
        let utf16 = XMLSourceEncoding.utf16(bigEndian: false, byteOrderMark: true)
        func detectUTF16(_ text: String) -> XMLSourceEncoding.Detection {
            XMLSourceEncoding.detect(([0xFF, 0xFE] + Self.utf16(text, bigEndian: false))[...], atEnd: true)
        }
        #expect(detectUTF16("<?xml version='1.0' encoding='UTF-16'?><a/>") == .convert(utf16, declaring: nil))
        #expect(detectUTF16("<?xml version='1.0' encoding='windows-1252'?><a/>") == .convert(utf16, declaring: "windows-1252"))
        #expect(detectUTF16("<a>é</a>") == .convert(utf16, declaring: nil))
        #expect(detectUTF16("<?xml version='1.0' é") == .convert(utf16, declaring: nil), "decided at the first character beyond ASCII")
    }

    /// A UTF-8 byte order mark says what the document is, whatever its declaration names: it is
    /// read as UTF-8 (libxml2 would apply the declared encoding to UTF-8 bytes), with a warning,
    /// and a byte not valid in UTF-8 stops it at the same place however it arrives.
    @Test func aUTF8ByteOrderMarkOutweighsTheDeclaration() throws {
        let head: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<a>\n<b>Café</b>\n".utf8)
        let reader = try makeReader(head + Array("</a>".utf8))
        #expect(try Self.texts(reader) == ["Café"])
        #expect(reader.warnings.map(\.code) == [XMLIssue.Code.encoding])
        #expect(reader.warnings.first?.message.contains("read as UTF-8, which its byte order mark says it is, although its XML declaration names 'windows-1252'") == true)
        let damaged = head + Array("<b>x0</b>\n<b>x1</b>\n".utf8) + [0x81] + Array("</a>\n".utf8)
        let whole = XMLPullReaderChunkingTests.outcome(damaged, chunkSize: nil)
        #expect(whole.contains("xml.encoding"))
        for chunkSize in [1, 3, 20] { #expect(XMLPullReaderChunkingTests.outcome(damaged, chunkSize: chunkSize) == whole) }
    }

    /// A UTF-16 document whose declaration names another encoding is read as UTF-16, with a warning.
    @Test func aUTF16DocumentDeclaringAnotherEncodingIsReadAsUTF16() throws {
        let bytes: [UInt8] = [0xFE, 0xFF] + Self.utf16("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>Grüße</a>", bigEndian: true)
        let reader = try makeReader(bytes, chunkSize: 5)
        #expect(try Self.texts(reader) == ["Grüße"])
        #expect(reader.warnings.first?.message.contains("read as UTF-16, which its byte order mark says it is, although its XML declaration names 'ISO-8859-1'") == true)
    }

    /// A reader made to read another document does not keep ignoring declared encodings because
    /// the last one was converted here: ISO-8859-2 (libxml2's to convert) reads after ISO-8859-1.
    @Test func aRestartedReaderAppliesTheNextDocumentsEncoding() throws {
        let first = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>".utf8) + [0xE9] + Array("</a>".utf8)
        let second = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><a>".utf8) + [0xA9] + Array("</a>".utf8)
        let reader = try makeReader(first)
        #expect(try Self.texts(reader) == ["é"])
        var remaining: [UInt8]? = second
        try reader.restart(documentName: "second.xml") {
            defer { remaining = nil }
            return remaining
        }
        #expect(try Self.texts(reader) == ["Š"])
    }

    private static func texts(_ reader: XMLPullReader) throws -> [String] {
        var texts: [String] = []
        while let event = try reader.next() { if event.kind == .text { texts.append(event.value) } }
        return texts
    }

    // MARK: Support

    static func singleByte(_ charset: XMLSingleByteCharset, declared: String, invalid: [[UInt8]]) -> Case {
        var table: [Unicode.Scalar: UInt8] = [:]
        for byte in UInt8.min...UInt8.max {
            if let scalar = charset[byte], table[scalar] == nil { table[scalar] = byte }
        }
        let bytes = table
        return Case(description: declared, declared: declared, encode: { text in text.unicodeScalars.map { bytes[$0]! } }, invalid: invalid)
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    }

    /// A lone high surrogate, a lone low one, and a high one followed by a letter.
    static func surrogates(bigEndian: Bool) -> [[UInt8]] {
        let units: [[UInt16]] = [[0xD83D], [0xDE00], [0xD83D, 0x0041]]
        return units.map { $0.flatMap { unit in bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] } }
    }

    /// The text of the root element as libxml2 reads the whole document, or `nil` when it
    /// refuses it.
    static func libxml2Text(of bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
            guard let base = buffer.baseAddress,
                let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, { xmlReadMemory($0, Int32(buffer.count), "t.xml", nil, options) })
            else { return nil }
            defer { xmlFreeDoc(document) }
            guard let text = xmlDocGetRootElement(document)?.pointee.children?.pointee.content else { return nil }
            return String(cString: text)
        }
    }
}
