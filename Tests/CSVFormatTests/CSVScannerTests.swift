import MicrocredPipeline
import MicrocredTestSupport
import Testing

@testable import CSVFormat

@Suite struct CSVScannerTests {
    private static let pieces = ["a", "Ž", "字", "😀", " ", "plain text of some length", "\t", ",", ";", "\"", "\n", "\r\n", "\r", "'"]
    private static let lineEnds = ["\n", "\r\n", "\r"]

    /// One generated record as written: its text and, for checking, its cells, where each starts
    /// in the record's bytes and the line breaks it holds.
    private struct Written {
        var text = ""
        var cells: [String] = []
        var offsets: [Int] = []
        var lineBreaks = 0
    }

    /// The line breaks in `text`: CR, LF and CR LF, each one.
    private static func lineBreaks(in text: String) -> Int {
        let bytes = Array(text.utf8)
        return bytes.indices.filter { bytes[$0] == 0x0D || (bytes[$0] == 0x0A && ($0 == 0 || bytes[$0 - 1] != 0x0D)) }.count
    }

    /// Fields quoted where they must be (and now and then where they need not), with doubled
    /// quotes, line breaks inside quotes and every kind of line end.
    private static func record(delimiter: Character, using random: inout SeededRandom) -> Written {
        var written = Written()
        let fieldCount = Int.random(in: 1...6, using: &random)
        for index in 0..<fieldCount {
            if index > 0 { written.text.append(delimiter) }
            let cell = (0..<Int.random(in: 0...5, using: &random)).map { _ in random.pick(pieces) }.joined()
            written.offsets.append(written.text.utf8.count)
            written.cells.append(cell)
            let special: Set<UInt8> = [delimiter.asciiValue!, UInt8(ascii: "\""), 0x0A, 0x0D]
            let mustQuote = cell.utf8.contains(where: special.contains)
            // A record of one empty field is written quoted, so that it is not a blank line.
            if mustQuote || (fieldCount == 1 && cell.isEmpty) || random.chance(0.2) {
                written.text += "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                written.lineBreaks += lineBreaks(in: cell)
            } else {
                written.text += cell
            }
        }
        return written
    }

    /// Generated documents, read in chunks of 1 to 64 bytes and whole, split into the cells they
    /// were written from, each record on the line it starts on and each cell at its offset.
    @Test(arguments: [",", ";", "\t"] as [Character])
    func splitsGeneratedRecordsAtAnyChunkSize(delimiter: Character) throws {
        var random = SeededRandom(seed: 61)
        for round in 0..<150 {
            var document = ""
            var expected: [(line: Int, written: Written)] = []
            var line = 1
            for index in 0..<Int.random(in: 1...8, using: &random) {
                if index > 0 { document += random.pick(Self.lineEnds) }
                let written = Self.record(delimiter: delimiter, using: &random)
                expected.append((line, written))
                document += written.text
                line += 1 + written.lineBreaks
            }
            if random.chance(0.5) { document += random.pick(Self.lineEnds) }
            for chunkSize in [1, 3, 8, 64, Int.max] {
                let source = ByteSource(bytes: Array(document.utf8), name: "generated.csv", chunkSize: chunkSize)
                let scanner = CSVScanner(
                    transcoder: Transcoder(source: source, encoding: .utf8, skip: 0),
                    delimiter: delimiter.asciiValue!, maximumRecordBytes: 1 << 20)
                var records: [ScannedRecord] = []
                while let record = try scanner.next() { records.append(record) }
                let context = "round \(round), chunks of \(chunkSize): \(document.debugDescription)"
                try #require(records.count == expected.count, "\(context)")
                for (record, (line, written)) in zip(records, expected) {
                    #expect(record.cells == written.cells, "\(context)")
                    #expect(record.cellOffsets == written.offsets, "\(context)")
                    #expect(record.line == line, "\(context)")
                    #expect(record.problems.isEmpty, "\(context)")
                    #expect(record.bytes == Array(written.text.utf8), "\(context)")
                }
            }
        }
    }

    /// Every record as scanned, in one comparable text.
    private static func scanAll(_ bytes: [UInt8], chunkSize: Int, limit: Int, expectedFields: Int?) throws -> String {
        let source = ByteSource(bytes: bytes, name: "damaged.csv", chunkSize: chunkSize)
        let scanner = CSVScanner(
            transcoder: Transcoder(source: source, encoding: .utf8, skip: 0), delimiter: UInt8(ascii: ","),
            maximumRecordBytes: limit)
        scanner.expectedFields = expectedFields
        var lines: [String] = []
        while let record = try scanner.next() {
            lines.append("\(record.line) \(record.cells) \(record.cellOffsets) \(record.problems) \(record.bytes.count)")
        }
        return lines.joined(separator: "\n")
    }

    /// Damaged text (stray quotes, bytes that are not UTF-8, records over a small size limit, line
    /// breaks of every kind) gives the same records, problems and lines in chunks of any size as
    /// whole: what becomes of a record too large is decided on its first bytes, not on how many
    /// happen to be buffered.
    @Test func damagedTextScansTheSameAtAnyChunkSize() throws {
        var random = SeededRandom(seed: 5)
        let pieces = ["abc", "Žž", "字", ",", "\"", "\n", "\r\n", "\r", "x y z", "\"\""]
        var problems: Set<String> = []
        for round in 0..<1500 {
            var bytes = Array((0..<Int.random(in: 1...40, using: &random)).map { _ in random.pick(pieces) }.joined().utf8)
            if random.chance(0.5) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = random.pick([0xFF, 0xC3, 0x80, UInt8(ascii: "\"")])
            }
            let limit = random.pick([20, 64, 1 << 20])
            let expectedFields: Int? = random.chance(0.5) ? 3 : nil
            let whole = try Self.scanAll(bytes, chunkSize: .max, limit: limit, expectedFields: expectedFields)
            for chunkSize in [1, 2, 3, 7, 16] {
                let chunked = try Self.scanAll(bytes, chunkSize: chunkSize, limit: limit, expectedFields: expectedFields)
                #expect(chunked == whole, "round \(round), chunks of \(chunkSize): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
            for problem in ["tooLarge", "recordLimitReached: true", "recordLimitReached: false", "undecodable"]
            where whole.contains(problem) {
                problems.insert(problem)
            }
        }
        #expect(problems.count == 4, "\(problems)")
    }
}
