import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

@testable import CSVFormat

/// `mapping infer` proposes a usable mapping: infer, then convert with it, just works.
@Suite struct InferenceTests {
    static let samples = ["moodle-course-completion", "canvas-gradebook", "edc-recipients", "excel-de-semicolon", "microcred-standard"]

    @Test(arguments: samples)
    func inferredMappingReadsTheSample(_ name: String) throws {
        let path = RepositoryPaths.sampleData.appendingPathComponent("csv/\(name).csv").path
        let result = try MappingInference.infer(source: try ByteSource(path: path), sampleRows: 50)
        // The YAML loads and checks without errors.
        let mapping = try CSVMapping.parse(yaml: result.yaml, file: "inferred.yaml")
        #expect(CSVMapping.check(yaml: result.yaml).allSatisfy { $0.severity != .error })
        #expect(mapping.columns.count >= 3)
        // Converting with it reads every data row; only the sample's broken rows have errors.
        try CSVTest.withTemporaryFile(result.yaml, name: "inferred.yaml") { mappingPath in
            let records = try CSVTest.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))), context: CSVTest.context(mapping: mappingPath))
            #expect(records.filter { $0.errorCodes.isEmpty }.count >= 7, "\(records.map(\.errorCodes))")
            #expect(records.compactMap(\.credential).allSatisfy { $0.learner.isIdentified })
        }
    }

    @Test func germanExcelExportIsUnderstood() throws {
        let path = RepositoryPaths.sampleData.appendingPathComponent("csv/excel-de-semicolon.csv").path
        let result = try MappingInference.infer(source: try ByteSource(path: path))
        let mapping = result.mapping
        #expect(mapping.dialect.delimiter == UInt8(ascii: ";"))
        #expect(mapping.dialect.encoding == .windows1252)
        #expect(mapping.dateFormats.first?.pattern == "dd.MM.yyyy")
        #expect(mapping.numberFormat.decimal == .comma)
        #expect(mapping.split.separators == ["\n"])
        func field(_ header: String) -> [String]? { mapping.columns.first { $0.header == header }?.fields }
        #expect(field("Vorname") == ["learner.givenNames"])
        #expect(field("Nachname") == ["learner.familyName"])
        #expect(field("E-Mail") == ["learner.email"])
        #expect(field("Abschlussdatum") == ["issued"])
        #expect(field("ECTS") == ["achievement.workload.credits.ECTS"])
        #expect(field("Lernergebnisse") == ["achievement.learningOutcomes[].text"])
        #expect(mapping.columns.first { $0.header == "ISCED" }?.zeroPad == 4)
        #expect(result.unplaced == ["Bemerkung"])
    }

    @Test func canvasLayoutIsUnderstood() throws {
        let path = RepositoryPaths.sampleData.appendingPathComponent("csv/canvas-gradebook.csv").path
        let result = try MappingInference.infer(source: try ByteSource(path: path))
        let student = try #require(result.mapping.columns.first { $0.header == "Student" })
        #expect(student.fields == ["learner.familyName", "learner.givenNames"])
        #expect(result.mapping.dialect.skipRows.map(\.equals) == ["Points Possible", "Student, Test"])
        #expect(result.mapping.columns.first { $0.header == "Final Grade" }?.fields == ["result.grade"])
    }

    @Test func edcTemplateHeaderRowIsFound() throws {
        let path = RepositoryPaths.sampleData.appendingPathComponent("csv/edc-recipients.csv").path
        let result = try MappingInference.infer(source: try ByteSource(path: path))
        #expect(result.mapping.dialect.headerRow == 12)
        #expect(result.mapping.columns.contains { $0.fields == ["learner.email"] })
        #expect(result.mapping.dateFormats.first?.pattern == "dd/MM/yyyy")
    }

    @Test(arguments: [
        ("Vorname;Nachname;E-Mail-Adresse\n", ["learner.givenNames", "learner.familyName", "learner.email"]),
        ("Prénom,Nom,Courriel,Date de naissance\n", ["learner.givenNames", "learner.familyName", "learner.email", "learner.dateOfBirth"]),
        ("Nome,Cognome,Indirizzo email,Corso\n", ["learner.givenNames", "learner.familyName", "learner.email", "achievement.title"]),
        ("Nombre,Apellidos,Correo electrónico,Créditos ECTS\n", ["learner.givenNames", "learner.familyName", "learner.email", "achievement.workload.credits.ECTS"]),
        ("Voornaam,Achternaam,E-mailadres,Studiepunten\n", ["learner.givenNames", "learner.familyName", "learner.email", "achievement.workload.credits.ECTS"]),
        ("Imię,Nazwisko,Adres e-mail,Numer albumu\n", ["learner.givenNames", "learner.familyName", "learner.email", "learner.studentIds[0].value"]),
    ])
    func columnNamesInSevenLanguages(header: String, fields: [String]) throws {
        let result = try MappingInference.infer(source: ByteSource(bytes: Array(header.utf8), name: "-"))
        #expect(result.mapping.columns.flatMap(\.fields) == fields)
        #expect(result.unplaced.isEmpty)
    }

    @Test func ambiguousDatesAreAssumedDayFirstAndSaid() throws {
        let text = "Name,Issue date\nAnna,03/04/2026\nBea,05/06/2026\n"
        let result = try MappingInference.infer(source: ByteSource(bytes: Array(text.utf8), name: "-"))
        #expect(result.mapping.dateFormats.first?.pattern == "dd/MM/yyyy")
        #expect(result.assumptions.contains { $0.contains("day first") })
        let unambiguous = "Name,Issue date\nAnna,03/24/2026\n"
        let american = try MappingInference.infer(source: ByteSource(bytes: Array(unambiguous.utf8), name: "-"))
        #expect(american.mapping.dateFormats.first?.pattern == "MM/dd/yyyy")
    }
}
