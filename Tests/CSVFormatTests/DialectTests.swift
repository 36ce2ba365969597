import Foundation
import MicrocredModel
import MicrocredPipeline
import Testing

@testable import CSVFormat

/// Every delimiter, line ending and encoding the reader supports, from files the tests write.
@Suite struct DialectTests {
    static let mapping = """
        version: 1
        columns:
          - column: Name
            field: learner.fullName
          - column: Kurs
            field: achievement.title
          - column: ECTS
            field: achievement.workload.credits.ECTS
        """
    static let rows = [["Name", "Kurs", "ECTS"], ["Jürgen Weiß", "Énergie, \"durable\"", "7.5"], ["Zoë Ødegård", "Data\nScience", "5"]]

    static func text(delimiter: String, newline: String) -> String {
        rows.map { row in
            row.map { cell in
                cell.contains(delimiter) || cell.contains("\"") || cell.contains("\n")
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: delimiter)
        }.joined(separator: newline) + newline
    }

    static func check(_ records: [ReadRecord]) {
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.errorCodes.isEmpty }, "\(records.map(\.diagnostics))")
        #expect(records.first?.credential?.learner.fullName == "Jürgen Weiß")
        #expect(records.first?.credential?.achievement.title == "Énergie, \"durable\"")
        #expect(records.first?.credential?.achievement.workload.ects == DecimalNumber("7.5"))
        #expect(records.last?.credential?.achievement.title == "Data\nScience")
    }

    @Test(arguments: [",", ";", "\t", "|"], ["\r\n", "\n", "\r"])
    func delimiterAndLineEndingAreDetected(delimiter: String, newline: String) throws {
        let text = Self.text(delimiter: delimiter, newline: newline)
        Self.check(try CSVTest.read(text, yaml: Self.mapping))
    }

    @Test(arguments: [",", ";", "tab", "|"])
    func delimiterOptionOverridesDetection(option: String) throws {
        let delimiter = option == "tab" ? "\t" : option
        Self.check(try CSVTest.read(Self.text(delimiter: delimiter, newline: "\n"), yaml: Self.mapping, options: ["delimiter": option]))
    }

    @Test func excelSeparatorLineIsHonoured() throws {
        Self.check(try CSVTest.read("sep=;\r\n" + Self.text(delimiter: ";", newline: "\r\n"), yaml: Self.mapping))
    }

    struct EncodingCase: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: @Sendable (String) -> [UInt8]
        var option: String?
        var testDescription: String { name }
    }

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        return bytes
    }

    static let encodings: [EncodingCase] = [
        EncodingCase(name: "UTF-8", bytes: { Array($0.utf8) }),
        EncodingCase(name: "UTF-8 with BOM", bytes: { [0xEF, 0xBB, 0xBF] + Array($0.utf8) }),
        EncodingCase(name: "UTF-16 LE with BOM", bytes: { utf16($0, bigEndian: false, bom: true) }),
        EncodingCase(name: "UTF-16 BE with BOM", bytes: { utf16($0, bigEndian: true, bom: true) }),
        EncodingCase(name: "UTF-16 LE without BOM", bytes: { utf16($0, bigEndian: false, bom: false) }),
        EncodingCase(name: "Windows-1252 detected", bytes: { SingleByteCodec(.windows1252)!.encode($0)! }),
        EncodingCase(name: "Windows-1252 named", bytes: { SingleByteCodec(.windows1252)!.encode($0)! }, option: "cp1252"),
        EncodingCase(name: "ISO-8859-1 named", bytes: { SingleByteCodec(.iso8859_1)!.encode($0)! }, option: "iso-8859-1"),
        EncodingCase(name: "ISO-8859-15 named", bytes: { SingleByteCodec(.iso8859_15)!.encode($0)! }, option: "latin9"),
    ]

    @Test(arguments: encodings)
    func encodingIsRead(_ encoding: EncodingCase) throws {
        let bytes = encoding.bytes(Self.text(delimiter: ";", newline: "\r\n"))
        try CSVTest.withTemporaryFile(Self.mapping, name: "mapping.yaml") { path in
            let options = encoding.option.map { ["encoding": $0] } ?? [:]
            let records = try CSVTest.readFile(bytes, context: CSVTest.context(options, mapping: path))
            Self.check(records)
            if encoding.name == "Windows-1252 detected" {
                #expect(records.first?.codes.contains("csv.encoding-detected") == true)
            }
        }
    }

    /// Inputs larger than one read chunk, so multi-byte characters, CRLF pairs and quoted fields
    /// straddle chunk boundaries.
    @Test(arguments: ["UTF-8", "UTF-16 LE with BOM", "UTF-16 BE with BOM", "Windows-1252 named"])
    func largeInputsAcrossChunks(_ name: String) throws {
        let encoding = try #require(Self.encodings.first { $0.name == name })
        var text = "Name;Kurs;ECTS\r\n"
        var expected: [String] = []
        for index in 0..<12_000 {
            let name = index % 2 == 0 ? "Jürgen Ødegård \(index)" : "Zoë \"Ž\" Weiß \(index)"
            expected.append(name.replacingOccurrences(of: "Ž", with: "Š"))
            let quoted = "\"" + expected[index].replacingOccurrences(of: "\"", with: "\"\"") + "\""
            text += "\(quoted);\"Kurs\r\nzwei\";7,5\r\n"
        }
        let bytes = encoding.bytes(text)
        #expect(bytes.count > ByteSource.chunkSize)
        try CSVTest.withTemporaryFile(Self.mapping, name: "mapping.yaml") { path in
            let options = encoding.option.map { ["encoding": $0] } ?? [:]
            let records = try CSVTest.readFile(bytes, context: CSVTest.context(options, mapping: path))
            #expect(records.count == expected.count)
            #expect(records.allSatisfy { $0.errorCodes.isEmpty })
            #expect(records.map { $0.credential?.learner.fullName ?? "" } == expected)
            #expect(records.last?.source.location.line == 1 + 2 * expected.count - 1)
        }
    }

    @Test func latin9DiffersFromLatin1WhereItShould() throws {
        let text = "Name;Kurs;ECTS\r\nŠárka Žák;Preis € und œuvre;5\r\n"
        let bytes = SingleByteCodec(.iso8859_15)!.encode(text)!
        try CSVTest.withTemporaryFile(Self.mapping, name: "mapping.yaml") { path in
            let records = try CSVTest.read(bytes, context: CSVTest.context(["encoding": "iso-8859-15"], mapping: path))
            #expect(records.first?.credential?.learner.fullName == "Šárka Žák")
            #expect(records.first?.credential?.achievement.title == "Preis € und œuvre")
        }
    }

    @Test func undefinedWindows1252ByteIsAnErrorNotAReplacement() throws {
        var bytes = SingleByteCodec(.windows1252)!.encode("Name;Kurs;ECTS\r\nAnna;Kurs X;5\r\nBea;Kurs Y;5\r\n")!
        bytes[bytes.firstIndex(of: UInt8(ascii: "X"))!] = 0x81
        try CSVTest.withTemporaryFile(Self.mapping, name: "mapping.yaml") { path in
            let records = try CSVTest.read(bytes, context: CSVTest.context(["encoding": "windows-1252"], mapping: path))
            let diagnostic = try #require(records[0].diagnostics.first { $0.code == "csv.undecodable-bytes" })
            #expect(diagnostic.message.contains("0x81"))
            #expect(diagnostic.location.line == 2)
            #expect(diagnostic.location.column == 11)
            #expect(records[1].errorCodes.isEmpty)
        }
    }

    @Test func headerlessFileIsReadByPosition() throws {
        let mapping = """
            version: 1
            dialect:
              header: false
            columns:
              - index: 1
                field: learner.fullName
              - index: 3
                field: achievement.workload.credits.ECTS
            """
        let records = try CSVTest.read("Anna,Kurs,5\nBea,Kurs,6\n", yaml: mapping)
        #expect(records.count == 2)
        #expect(records[1].credential?.learner.fullName == "Bea")
        #expect(records[1].credential?.unmapped == [UnmappedField(format: "csv", path: "2", value: .string("Kurs"))])
    }

    @Test func headerRowBelowADescriptionBlock() throws {
        let mapping = Self.mapping + "\ndialect:\n  headerRow: 3\n"
        let text = "Export of 2026-06-30,,\n\"described, here\",,\n" + Self.text(delimiter: ",", newline: "\n")
        Self.check(try CSVTest.read(text, yaml: mapping))
    }
}
