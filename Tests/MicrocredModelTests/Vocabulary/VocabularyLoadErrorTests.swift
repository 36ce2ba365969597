import Foundation
import Testing
import MicrocredModel

@Suite("Vocabulary load errors")
struct VocabularyLoadErrorTests {
    /// Loads a copy of the committed tables after `change` has edited it, and returns the error.
    private func loadError(_ change: (URL) throws -> Void) throws -> VocabularyLoadError? {
        let folder = try VocabularyFixture.copyOfTables()
        defer { try? FileManager.default.removeItem(at: folder) }
        try change(folder)
        do {
            _ = try Vocabularies.load(from: folder)
            return nil
        } catch {
            return error
        }
    }

    private func append(_ text: String, to file: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(file)
        let data = try Data(contentsOf: url) + Data(text.utf8)
        try data.write(to: url)
    }

    private func lineCount(_ file: String) throws -> Int {
        let text = try String(contentsOf: VocabularyFixture.vocabularyFolder.appendingPathComponent(file), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    }

    @Test("the committed tables load")
    func loads() throws {
        let vocabularies = try Vocabularies.load(from: VocabularyFixture.vocabularyFolder)
        #expect(vocabularies[.countries].concepts.isEmpty == false)
    }

    @Test("a missing file is named")
    func missingFile() throws {
        let error = try loadError { try FileManager.default.removeItem(at: $0.appendingPathComponent("eqf.tsv")) }
        #expect(error?.file == "eqf.tsv")
        #expect(error?.line == nil)
    }

    @Test("a row with too few fields names file and line")
    func shortRow() throws {
        let next = try lineCount("countries.tsv") + 1
        let error = try loadError { try append("ZZ\tonly two\n", to: "countries.tsv", in: $0) }
        #expect(error?.file == "countries.tsv")
        #expect(error?.line == next)
        #expect(error?.description.hasPrefix("countries.tsv:\(next): ") == true)
    }

    @Test("a duplicate code is refused")
    func duplicateCode() throws {
        let error = try loadError {
            try append("1\thttp://example.org/eqf/one\tLevel one\thttp://example.org\n", to: "eqf.tsv", in: $0)
        }
        #expect(error?.file == "eqf.tsv")
        #expect(error?.line == 10)
    }

    @Test("a duplicate IRI is refused")
    func duplicateIRI() throws {
        let error = try loadError {
            try append("9\thttp://data.europa.eu/snb/eqf/8/\tLevel 9\thttp://example.org\n", to: "eqf.tsv", in: $0)
        }
        #expect(error?.file == "eqf.tsv")
        #expect(error?.reason.contains("duplicate IRI") == true)
    }

    @Test("a table whose header is wrong is refused")
    func badHeader() throws {
        let error = try loadError {
            try Data("code\tlabel\n1\tLevel 1\n".utf8).write(to: $0.appendingPathComponent("eqf.tsv"))
        }
        #expect(error?.file == "eqf.tsv")
        #expect(error?.line == 1)
    }

    @Test("a file that is not UTF-8 is refused")
    func notUTF8() throws {
        let error = try loadError {
            try Data([0x63, 0x6F, 0x64, 0x65, 0xFF, 0x0A]).write(to: $0.appendingPathComponent("credit-systems.tsv"))
        }
        #expect(error?.file == "credit-systems.tsv")
    }

    @Test(
        "alias rows naming an unknown table or code, or two concepts, are refused",
        arguments: [
            "nowhere\tsomething\tX\t\thand\n",
            "countries\tNowhere Land\tZZ\t\thand\n",
            "countries\tGermania\tAT\t\thand\n",
        ])
    func badAlias(row: String) throws {
        let next = try lineCount("aliases.tsv") + 1
        let error = try loadError { try append(row, to: "aliases.tsv", in: $0) }
        #expect(error?.file == "aliases.tsv")
        #expect(error?.line == next)
    }
}
