import MicrocredModel
import MicrocredPipeline
import Testing

@testable import CSVFormat

/// Each malformed input gets its diagnostic code, at the right line, and reading goes on with the
/// next row.
@Suite struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var csv: String
        /// The code expected on the bad row.
        var code: String
        var line: Int
        var column: Int?
        /// Rows read (good and bad).
        var rows: Int
        var options: [String: String] = [:]
        var testDescription: String { name }
    }

    static let mapping = """
        version: 1
        columns:
          - column: name
            field: learner.fullName
          - column: issued
            field: issued
          - column: ects
            field: achievement.workload.credits.ECTS
        """

    static let cases: [Case] = [
        Case(
            name: "ragged row, too many fields", csv: "name,issued,ects\nAnna,2026-01-02,5\nSmith, John,2026-01-03,5\nBea,2026-01-04,5\n",
            code: "csv.ragged-row", line: 3, column: 24, rows: 3),
        Case(
            name: "ragged row, too few fields", csv: "name,issued,ects\nAnna,2026-01-02\nBea,2026-01-04,5\n", code: "csv.ragged-row",
            line: 2, column: 16, rows: 2),
        Case(
            name: "unterminated quote at the end", csv: "name,issued,ects\nAnna,2026-01-02,5\n\"Bea,2026-01-04,5\n",
            code: "csv.unterminated-quote", line: 3, column: 1, rows: 2),
        Case(
            name: "stray quote swallowing the next row", csv: "name,issued,ects\n\"Anna,2026-01-02,5\nBea,\"2026-01-04\",5\nCem,2026-01-05,5\n",
            code: "csv.unterminated-quote", line: 2, column: 1, rows: 3),
        Case(
            name: "text after a closing quote", csv: "name,issued,ects\n\"Anna\" B,2026-01-02,5\nBea,2026-01-04,5\n",
            code: "csv.malformed-quote", line: 2, column: 7, rows: 2),
        Case(
            name: "undecodable UTF-8", csv: "name,issued,ects\nAn\u{FFFD}na,2026-01-02,5\nBea,2026-01-04,5\n",
            code: "csv.undecodable-bytes", line: 2, column: 3, rows: 2, options: ["encoding": "utf-8"]),
        Case(
            name: "invalid date", csv: "name,issued,ects\nAnna,2026-02-30,5\nBea,2026-01-04,5\n", code: "csv.invalid-date", line: 2,
            column: 6, rows: 2),
        Case(
            name: "not a number", csv: "name,issued,ects\nAnna,2026-01-02,five\nBea,2026-01-04,5\n", code: "csv.invalid-number",
            line: 2, column: 17, rows: 2),
        Case(
            name: "ambiguous number", csv: "name,issued,ects\nAnna,2026-01-02,\"1,000\"\nBea,2026-01-04,5\n", code: "csv.ambiguous-number",
            line: 2, column: 17, rows: 2),
        Case(
            name: "line over the record limit", csv: "name,issued,ects\nAnna,2026-01-02,\(String(repeating: "9", count: 2000))\nBea,2026-01-04,5\n",
            code: "csv.record-too-large", line: 2, column: nil, rows: 2, options: ["max-record-size": "1024"]),
        Case(
            name: "quote over the record limit",
            csv: "name,issued,ects\nAnna,\"2026-01-02,5\n\(String(repeating: "Ed,2026-01-03,1\n", count: 900))Bea,2026-01-04,5\n",
            code: "csv.unterminated-quote", line: 2, column: 6, rows: 902, options: ["max-record-size": "1024"]),
    ]

    @Test(arguments: cases)
    func badRowIsDiagnosed(_ testCase: Case) throws {
        var bytes = Array(testCase.csv.utf8)
        if testCase.name == "undecodable UTF-8" {
            // Replace the U+FFFD placeholder with a lone continuation byte.
            bytes = Array(testCase.csv.replacingOccurrences(of: "\u{FFFD}", with: "#").utf8)
            bytes[bytes.firstIndex(of: UInt8(ascii: "#"))!] = 0x80
        }
        try CSVTest.withTemporaryFile(Self.mapping, name: "mapping.yaml") { path in
            let records = try CSVTest.read(bytes, context: CSVTest.context(testCase.options, mapping: path))
            #expect(records.count == testCase.rows)
            let bad = try #require(records.first { $0.codes.contains(testCase.code) }, "no \(testCase.code) in \(records.map(\.codes))")
            let diagnostic = try #require(bad.diagnostics.first { $0.code == testCase.code })
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.location.line == testCase.line)
            if let column = testCase.column { #expect(diagnostic.location.column == column) }
            // The raw record keeps the row: cells by column and the text as read.
            if case .object(let members) = bad.source.decoder.raw(of: bad.source) {
                #expect(members.last?.key == "@text")
            } else {
                Issue.record("raw is not an object")
            }
            // Every other row is read cleanly.
            for record in records where record.source.location.line != bad.source.location.line {
                #expect(record.errorCodes.isEmpty, "\(record.diagnostics)")
            }
        }
    }

    @Test func trailingEmptyColumnsAndBlankLinesAreNotProblems() throws {
        let records = try CSVTest.read("name,issued,ects,,\r\nAnna,2026-01-02,5,,\r\n,,,,\r\n\r\n", yaml: Self.mapping)
        #expect(records.count == 1)
        #expect(records[0].diagnostics.isEmpty)
    }

    @Test func unknownColumnIsNotedOnceAndKept() throws {
        let records = try CSVTest.read("name,issued,ects,notes\nAnna,2026-01-02,5,late\nBea,2026-01-03,5,\n", yaml: Self.mapping)
        let note = try #require(records[0].diagnostics.first { $0.code == "csv.unknown-column" })
        #expect(note.severity == .note)
        #expect(note.location.line == 1)
        #expect(note.location.column == 4)
        #expect(!records[1].codes.contains("csv.unknown-column"))
        #expect(records[0].credential?.unmapped == [UnmappedField(format: "csv", path: "notes", value: .string("late"))])
        #expect(records[1].credential?.unmapped.isEmpty == true)
    }

    @Test func unknownColumnIsAnErrorWhenTheMappingSaysSo() throws {
        #expect(throws: Diagnostic.self) {
            _ = try CSVTest.read("name,issued,ects,notes\nAnna,2026-01-02,5,late\n", yaml: Self.mapping + "\nunknownColumns: error\n")
        }
    }

    @Test func missingMappedColumnRefusesTheInput() throws {
        do {
            _ = try CSVTest.read("name,ects\nAnna,5\n", yaml: Self.mapping)
            Issue.record("expected a missing-column error")
        } catch let error as Diagnostic {
            #expect(error.code == "csv.missing-column")
            #expect(error.message.contains("'issued'"))
        }
    }

    @Test func repeatedHeaderRowIsSkippedWithANote() throws {
        let records = try CSVTest.read("name,issued,ects\nAnna,2026-01-02,5\nname,issued,ects\nBea,2026-01-03,5\n", yaml: Self.mapping)
        #expect(records.count == 2)
        #expect(records[1].codes == ["csv.row-skipped"])
    }

    @Test func hostileInputStaysBounded() throws {
        // A megabyte of quotes and delimiters: every record is bounded, nothing hangs.
        var text = "name,issued,ects\n"
        for index in 0..<20_000 { text += index % 3 == 0 ? "\"\"\",,\"\n" : "\",\"\",\"\"\"\n" }
        let records = try CSVTest.read(text, yaml: Self.mapping, options: ["max-record-size": "4096"])
        #expect(!records.isEmpty)
    }
}
