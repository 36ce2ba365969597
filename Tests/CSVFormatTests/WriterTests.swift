import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

@testable import CSVFormat

/// The writer: quoting, options for Excel users, custom layouts, and no silent loss.
@Suite struct WriterTests {
    static let credential = Credential(
        title: "Data, \"Applied\"", issued: .date(CalendarDate(year: 2026, month: 6, day: 1)!),
        learner: Learner(givenNames: " Anna", familyName: "Nowak\nKowalska", email: "anna@example.org"),
        achievement: Achievement(
            learningOutcomes: [LearningOutcome(text: "a|b"), LearningOutcome(text: "c")], workload: Workload(credits: [CreditPoints(points: DecimalNumber("7.5")!)])),
        unmapped: [UnmappedField(format: "csv", path: "Notes", value: .string("late"))])

    @Test func bomDelimiterAndNewlineOptions() throws {
        let (bytes, _) = try CSVTest.write([Self.credential], context: CSVTest.context(["bom": "true", "delimiter": ";", "newline": "lf"]))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("id;otherIdentifiers;credentialType;title;"))
        #expect(text.contains(";Data, \"\"Applied\"\";") == false)
        #expect(text.contains(";\"Data, \"\"Applied\"\"\";"))
        #expect(text.contains("\" Anna\""))
        #expect(text.contains("\"Nowak\nKowalska\""))
        #expect(text.contains("a\\|b|c"))
        #expect(!text.contains("\r\n"))
        // And it reads back the same.
        let records = try CSVTest.read(bytes)
        #expect(records.first?.credential == Self.credential)
    }

    @Test func customOneToOneLayout() throws {
        let yaml = """
            version: 1
            dialect:
              delimiter: ;
            dates: [dd.MM.yyyy]
            numbers:
              decimal: ","
            split: " | "
            columns:
              - column: Vorname
                field: learner.givenNames
              - column: Nachname
                field: learner.familyName
              - column: Datum
                field: issued
              - column: ECTS
                field: achievement.workload.credits.ECTS
              - column: Lernergebnisse
                field: achievement.learningOutcomes[].text
              - column: Notes
            """
        try CSVTest.withTemporaryFile(yaml, name: "layout.yaml") { path in
            var credential = Self.credential
            credential.title = nil
            credential.learner.givenNames = "Anna"
            credential.learner.email = nil
            credential.achievement.learningOutcomes = [LearningOutcome(text: "eins"), LearningOutcome(text: "zwei")]
            let (bytes, findings) = try CSVTest.write([credential], context: CSVTest.context(["newline": "lf"], mapping: path))
            #expect(findings.isEmpty, "\(findings)")
            #expect(String(decoding: bytes, as: UTF8.self) == "Vorname;Nachname;Datum;ECTS;Lernergebnisse;Notes\nAnna;\"Nowak\nKowalska\";01.06.2026;7,5;eins | zwei;late\n")
        }
    }

    @Test func lossIsNamedNotSilent() throws {
        let yaml = "version: 1\ncolumns:\n  - column: Name\n    field: learner.givenNames\n"
        try CSVTest.withTemporaryFile(yaml, name: "layout.yaml") { path in
            let (_, findings) = try CSVTest.write([Self.credential], context: CSVTest.context(mapping: path))
            let warning = try #require(findings.first)
            #expect(warning.code == "csv.lossy-write")
            #expect(warning.severity == .warning)
            #expect(warning.message.contains("'learner.familyName'"))
            #expect(warning.message.contains("'unmapped"))
        }
    }

    @Test func templatesCannotBeWritten() throws {
        let yaml = "version: 1\ncolumns:\n  - template: '{A} {B}'\n    field: learner.fullName\n"
        try CSVTest.withTemporaryFile(yaml, name: "layout.yaml") { path in
            #expect(throws: Diagnostic.self) { _ = try CSVWriter(context: CSVTest.context(mapping: path)) }
            #expect(CSVMapping.check(yaml: yaml).contains { $0.code == "mapping.not-writable" })
        }
    }

    @Test func splitDocumentsCarryTheirHeader() throws {
        let writer = try CSVWriter(context: CSVTest.context(["newline": "lf"]))
        let standalone = try writer.encode(Self.credential, standalone: true)
        #expect(String(decoding: standalone.bytes, as: UTF8.self).hasPrefix("id,otherIdentifiers,"))
        let records = try CSVTest.read(standalone.bytes)
        #expect(records.count == 1)
    }

    @Test func descriptorSniffsDelimitedTextOnly() {
        #expect(CSVFormat.descriptor.sniff(Array("a;b;c\n1;2;3\n".utf8)[...]) == .maybe)
        #expect(CSVFormat.descriptor.sniff(Array("{\"a\": 1}".utf8)[...]) == .no)
        #expect(CSVFormat.descriptor.sniff(Array("<?xml version=\"1.0\"?><a/>".utf8)[...]) == .no)
        #expect(CSVFormat.descriptor.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D][...]) == .no)
        #expect(CSVFormat.descriptor.fileExtensions == ["csv", "tsv", "txt"])
        #expect(Set(CSVFormat.descriptor.options.map(\.name)).isSuperset(of: ["delimiter", "encoding", "header", "bom"]))
    }
}

/// Joining the values of a multi-valued cell and splitting the cell again gives the values back,
/// whatever separators and escapes they hold.
@Suite struct SplitRuleRoundTripTests {
    @Test(arguments: [
        CSVSplitRule(separators: ["|"], escape: "\\"),
        CSVSplitRule(separators: ["|", ";"], escape: "\\"),
        CSVSplitRule(separators: ["\n", "|"], escape: "\\"),
        CSVSplitRule(separators: ["; "], escape: "~"),
    ])
    func joinThenSplitKeepsTheValues(rule: CSVSplitRule) {
        var random = SeededRandom(seed: 41)
        let pieces = ["a", "Zoë", "|", ";", "; ", "\\", "~", "\r", "\n", "\r\n", "x y", "日本", "||", "\\|"]
        for _ in 0..<2000 {
            let values = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                "v" + (0..<Int.random(in: 0...4, using: &random)).map { _ in random.pick(pieces) }.joined() + "w"
            }
            let joined = rule.join(values)
            #expect(rule.split(joined) == values, "\(values) joined as \(joined.debugDescription)")
        }
    }
}

/// A cell is quoted exactly when it holds the delimiter, the quote or a line break, or begins or
/// ends with white space; quotes inside are doubled.
@Suite struct CellQuotingTests {
    @Test(arguments: [(UInt8(ascii: ","), UInt8(ascii: "\"")), (UInt8(ascii: ";"), UInt8(ascii: "'")), (UInt8(ascii: "\t"), UInt8(ascii: "\""))])
    func quotesExactlyTheCellsThatNeedIt(delimiter: UInt8, quote: UInt8) {
        var random = SeededRandom(seed: 5)
        let pieces = ["a", "Zoë", ",", ";", "\t", " ", "\"", "'", "\r", "\n", "日本", "x y", "\u{A0}"]
        let delimiterText = String(UnicodeScalar(delimiter))
        let quoteText = String(UnicodeScalar(quote))
        for _ in 0..<3000 {
            // Up to twenty pieces: long enough for cells read eight bytes at a time.
            let cell = (0..<Int.random(in: 0...20, using: &random)).map { _ in random.pick(pieces) }.joined()
            let scalars = cell.unicodeScalars
            let needsQuotes =
                cell.contains(delimiterText) || cell.contains(quoteText) || scalars.contains("\n") || scalars.contains("\r")
                || [" ", "\t"].contains(scalars.first) || [" ", "\t"].contains(scalars.last)
            let expected = needsQuotes ? quoteText + cell.replacingOccurrences(of: quoteText, with: quoteText + quoteText) + quoteText : cell
            var bytes: [UInt8] = []
            CSVWriter.appendCell(cell, to: &bytes, delimiter: delimiter, quote: quote)
            #expect(bytes == Array(expected.utf8), "\(cell.debugDescription)")
        }
    }
}
