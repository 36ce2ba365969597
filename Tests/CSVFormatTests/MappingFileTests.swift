import MicrocredModel
import MicrocredPipeline
import Testing

@testable import CSVFormat

/// Mapping files are strict: every problem names its path in the file and its line.
@Suite struct MappingFileTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var code: String
        var path: String
        var line: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown top-level key", yaml: "version: 1\ncolums:\n  - column: A\n    field: id\n", code: "mapping.unknown-key",
            path: "colums", line: 2),
        Case(
            name: "unknown column key",
            yaml: "version: 1\ncolumns:\n  - column: A\n    field: id\n  - column: B\n    feild: title\n", code: "mapping.unknown-key",
            path: "columns[1].feild", line: 6),
        Case(
            name: "unknown model field",
            yaml: "version: 1\ncolumns:\n  - column: A\n    field: id\n  - column: B\n  - column: C\n  - column: D\n    field: learner.givenName\n",
            code: "mapping.unknown-field", path: "columns[3].field", line: 8),
        Case(
            name: "list without an index", yaml: "version: 1\ncolumns:\n  - column: A\n    field: achievement.learningOutcomes.text\n",
            code: "mapping.unknown-field", path: "columns[0].field", line: 4),
        Case(
            name: "two spreads", yaml: "version: 1\ncolumns:\n  - column: A\n    field: awardingBodies[].registrationIds[].value\n",
            code: "mapping.unknown-field", path: "columns[0].field", line: 4),
        Case(
            name: "unknown constant field", yaml: "version: 1\nconstants:\n  awardingBody.name: X\ncolumns: []\n",
            code: "mapping.unknown-field", path: "constants.awardingBody.name", line: 3),
        Case(
            name: "bad date pattern", yaml: "version: 1\ndates: [DD.MM.YYYY]\ncolumns: []\n", code: "mapping.invalid-value",
            path: "dates[0]", line: 2),
        Case(
            name: "no version", yaml: "columns:\n  - column: A\n    field: id\n", code: "mapping.missing-key", path: "version", line: 1),
        Case(
            name: "future version", yaml: "version: 2\ncolumns: []\n", code: "mapping.unsupported-version", path: "version", line: 1),
        Case(
            name: "two sources", yaml: "version: 1\ncolumns:\n  - column: A\n    index: 2\n    field: id\n", code: "mapping.invalid-value",
            path: "columns[0]", line: 3),
        Case(
            name: "duplicate key", yaml: "version: 1\ntrim: true\ntrim: false\ncolumns: []\n", code: "mapping.duplicate-key", path: "trim",
            line: 3),
        Case(name: "not YAML", yaml: "version: 1\ncolumns: [\n", code: "mapping.invalid-yaml", path: "", line: 3),
        Case(
            name: "bad delimiter", yaml: "version: 1\ndialect:\n  delimiter: '::'\ncolumns: []\n", code: "mapping.invalid-value",
            path: "dialect.delimiter", line: 3),
    ]

    @Test(arguments: cases)
    func problemNamesItsPlace(_ testCase: Case) throws {
        do {
            _ = try CSVMapping.parse(yaml: testCase.yaml, file: "test.yaml")
            Issue.record("the mapping was accepted")
        } catch {
            let diagnostic = try #require(error.diagnostics.first { $0.code == testCase.code }, "\(error.diagnostics)")
            if !testCase.path.isEmpty { #expect(diagnostic.location.field == testCase.path) }
            #expect(diagnostic.location.line == testCase.line)
            #expect(diagnostic.location.file == "test.yaml")
        }
    }

    @Test func suggestionsForMisspelledFields() throws {
        do {
            _ = try CSVMapping.parse(yaml: "version: 1\ncolumns:\n  - column: A\n    field: learner.givenName\n")
        } catch {
            #expect(error.diagnostics.first?.hint?.contains("did you mean 'givenNames'") == true)
        }
    }

    @Test func checkFindsSemanticProblems() {
        let yaml = """
            version: 1
            dates: [dd/MM/yyyy, MM/dd/yyyy]
            constants:
              achievement.level.eqf: six
              learner.email: a@b.example
            columns:
              - column: Mail
                field: learner.email
              - column: Level
                field: achievement.workload.credits.ECTS
                default: lots
            """
        let codes = CSVMapping.check(yaml: yaml, file: "check.yaml").map(\.code)
        #expect(codes.contains("mapping.ambiguous-dates"))
        #expect(codes.contains("mapping.invalid-constant"))
        #expect(codes.contains("mapping.duplicate-field"))
        #expect(codes.contains("mapping.invalid-value"))
        #expect(codes.contains("mapping.element-unreachable"))
    }

    @Test func everyCatalogueLeafResolvesAndIsDocumented() throws {
        let docs = try String(contentsOf: RepositoryPathsForDocs.mappingDocs, encoding: .utf8)
        for entry in ModelFieldCatalogue.leaves {
            var concrete = entry.path.replacingOccurrences(of: "<FRAMEWORK>", with: "ECTS")
            // A pattern may have two lists; a path spreads over one of them.
            if let first = concrete.range(of: "[]"), concrete[first.upperBound...].contains("[]") {
                concrete.replaceSubrange(first, with: "[0]")
            }
            #expect(ModelFieldCatalogue.isValid(concrete), "\(entry.path)")
            #expect(docs.contains("`\(entry.path)`"), "docs/mapping.md does not list \(entry.path)")
        }
        for path in ModelFieldCatalogue.structures { #expect(ModelFieldCatalogue.isValid(path), "\(path)") }
    }

    @Test func yamlRendering() throws {
        var mapping = CSVMapping(name: "rendered", description: "a: b # c")
        mapping.dialect = CSVDialectSettings(delimiter: UInt8(ascii: ";"), encoding: .windows1252, headerRow: 2,
            skipRows: [CSVSkipRule(column: "Student", equals: "Points Possible")])
        mapping.dateFormats = [try CSVDateFormat(pattern: "dd/MM/yy, HH:mm"), .iso]
        mapping.numberFormat = CSVNumberFormat(decimal: .comma, grouping: ".")
        mapping.split = CSVSplitRule(separators: ["\n", ";"])
        mapping.constants = [CSVConstant(field: "achievement.learningOutcomes[].text", values: ["one: two", "yes"])]
        mapping.columns = [
            CSVColumnMapping(source: .header("Student"), fields: ["learner.familyName", "learner.givenNames"], partSeparator: ", "),
            CSVColumnMapping(source: .template("{A} {B}"), fields: ["learner.fullName"]),
            CSVColumnMapping(source: .header("Mode"), fields: ["achievement.participation.mode"],
                valueMap: [CSVValueMapping(cell: "Präsenz", value: "onsite"), CSVValueMapping(cell: "no", value: "online")], unmatched: .error),
            CSVColumnMapping(source: .header("ISCED"), fields: ["achievement.iscedFields[]"], zeroPad: 4),
        ]
        var parsed = try CSVMapping.parse(yaml: mapping.yaml)
        parsed.constants = parsed.constants.map { CSVConstant(field: $0.field, values: $0.values) }
        parsed.columns = parsed.columns.map { column in
            var copy = column
            copy.line = nil
            return copy
        }
        #expect(parsed == mapping)
    }
}

import Foundation
import MicrocredTestSupport

enum RepositoryPathsForDocs {
    static var mappingDocs: URL { RepositoryPaths.root.appendingPathComponent("docs/mapping.md") }
}
