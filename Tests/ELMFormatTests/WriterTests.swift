import ELMFormat
import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

/// Writing `elm-xml`: vocabulary IRIs, reference lists, deterministic ids, write rules, batches.
@Suite struct WriterTests {
    /// A complete micro-credential in the model, with codes as the model stores them.
    static func credential() -> Credential {
        let university = Organisation(
            name: LocalizedText(entries: [.init(language: "de", value: "Universität Beispiel"), .init(language: "en", value: "Example University")]),
            registrationIds: [Identifier("DE-998877", scheme: "Handelsregister")], country: "DE",
            homepage: "https://uni.example.eu", email: "registrar@uni.example.eu")
        return Credential(
            title: LocalizedText(entries: [.init(language: "de", value: "Datenkompetenz"), .init(language: "en", value: "Data literacy")]),
            issued: .date(CalendarDate(year: 2026, month: 3, day: 1)!),
            learner: Learner(
                givenNames: "Zoë", familyName: "Müller", dateOfBirth: CalendarDate(year: 2000, month: 2, day: 29),
                email: "zoe@example.org", studentIds: [Identifier("S-1", scheme: "studentId")], citizenship: ["FR"]),
            awardingBodies: [university],
            achievement: Achievement(
                title: "Data literacy",
                learningOutcomes: [LearningOutcome(text: "Reads data <critically> & well"), LearningOutcome(text: "Explains charts")],
                iscedFields: ["0613"], level: Level(eqf: 6),
                workload: Workload(hours: DecimalNumber("7.5"), credits: [CreditPoints(points: DecimalNumber("2.5")!), CreditPoints(framework: "ECVET", points: DecimalNumber(3))]),
                participation: Participation(mode: "online", setting: "non-formal"),
                assessment: Assessment(type: "written examination", supervision: "Supervised with ID Verification"),
                qualityAssurance: [QualityAssurance(type: "internal", description: "Reviewed by the faculty board")],
                prerequisites: "None", languages: ["en", "de"], criteria: Criteria(narrative: "Pass the exam"),
                stacking: Stacking(note: "Counts towards the MSc")),
            result: CredentialResult(grade: "1,7", gradingScheme: "German grades"),
            furtherInformation: "See the course page")
    }

    @Test func writesControlledVocabularyIRIs() throws {
        let text = String(decoding: try ELM.write(Self.credential()).bytes, as: UTF8.self)
        for iri in [
            "http://publications.europa.eu/resource/authority/country/DEU", "http://publications.europa.eu/resource/authority/country/FRA",
            "http://publications.europa.eu/resource/authority/language/ENG", "http://publications.europa.eu/resource/authority/language/DEU",
            "http://data.europa.eu/snb/isced-f/0613", "http://data.europa.eu/snb/eqf/6",
            "http://data.europa.eu/snb/learning-assessment/920fbb3cbe", "http://data.europa.eu/snb/learning-setting/e207a81fc7",
            "http://data.europa.eu/snb/assessment/6e6cb2cc78", "http://data.europa.eu/snb/supervision-verification/70be69aaf9",
            "http://data.europa.eu/europass/educationalCreditPointSystem/ecvet",
        ] {
            #expect(text.contains("uri=\"\(iri)\"") || text.contains("schemeID=\"\(iri)\""), "\(iri)")
        }
        #expect(text.contains("<hasECTSCreditPoints>2.5</hasECTSCreditPoints>"))
        #expect(text.contains("<volumeOfLearning>PT7H30M</volumeOfLearning>"))
        #expect(text.contains("<primaryLanguage>de</primaryLanguage>"))
        #expect(text.contains("<cred:issued>2026-03-01T00:00:00</cred:issued>"))
        #expect(text.contains("Reads data &lt;critically&gt; &amp; well"))
    }

    @Test func writtenDocumentIsValidAndReadsBack() throws {
        let credential = Self.credential()
        let written = try ELM.write(credential)
        if let violations = ELM.violations(written.bytes) { #expect(violations.isEmpty, "\(violations)") }
        let read = ELM.read(written.bytes)
        #expect(read.errors.isEmpty)
        let back = try #require(read.credentials.first)
        #expect(back.unmapped.isEmpty, "everything written comes from the model: \(back.unmapped.map(\.path))")
        #expect(back.title == credential.title)
        #expect(back.issued == credential.issued, "a date is written as local midnight and reads back as the date")
        #expect(back.learner.dateOfBirth == credential.learner.dateOfBirth)
        #expect(back.learner.citizenship == ["FR"])
        #expect(back.awardingBodies.first?.country == "DE")
        #expect(back.achievement.iscedFields == ["0613"])
        #expect(back.achievement.level.eqf == 6)
        #expect(back.achievement.workload == credential.achievement.workload)
        #expect(back.achievement.participation == Participation(mode: "http://data.europa.eu/snb/learning-assessment/920fbb3cbe", setting: "http://data.europa.eu/snb/learning-setting/e207a81fc7"))
        #expect(back.achievement.assessment.type == "http://data.europa.eu/snb/assessment/6e6cb2cc78")
        #expect(back.achievement.languages == ["en", "de"])
        func german(_ value: String) -> LocalizedText { LocalizedText(entries: [.init(language: "de", value: value)]) }
        #expect(back.achievement.qualityAssurance == [QualityAssurance(type: "internal", description: german("Reviewed by the faculty board"))])
        #expect(back.achievement.criteria == Criteria(narrative: german("Pass the exam")), "a text without a language is written in the primary language")
        #expect(back.achievement.stacking.note == german("Counts towards the MSc"))
        #expect(back.achievement.prerequisites == german("None"))
        #expect(back.furtherInformation == german("See the course page"))
        #expect(back.result == credential.result)
        #expect(back.learner.email == "zoe@example.org")
        #expect(back.achievement.learningOutcomes.map(\.text.primary) == credential.achievement.learningOutcomes.map(\.text.primary))
    }

    @Test func idsAreDerivedDeterministically() throws {
        let first = try ELM.write(Self.credential())
        let second = try ELM.write(Self.credential())
        #expect(first.bytes == second.bytes)
        let back = try #require(ELM.read(first.bytes).credentials.first)
        let id = try #require(back.id)
        #expect(id.hasPrefix("urn:credential:"))
        #expect(back.achievement.id?.hasPrefix("urn:epass:qualification:") == true)
        var changed = Self.credential()
        changed.learner.givenNames = "Zoe"
        let other = try #require(ELM.read(try ELM.write(changed).bytes).credentials.first)
        #expect(other.id != id, "a different credential gets a different derived id")
        var identified = Self.credential()
        identified.id = "urn:uuid:0e6a8d4c-2f66-4c40-8d0a-000000000001"
        let text = String(decoding: try ELM.write(identified).bytes, as: UTF8.self)
        #expect(text.contains(#"cred:id="urn:uuid:0e6a8d4c-2f66-4c40-8d0a-000000000001""#))
    }

    @Test func rulesRejectWhatTheSchemaRequires() {
        var credential = Self.credential()
        #expect(ELM.ruleFindings(credential).isEmpty)
        credential.issued = nil
        credential.title = nil
        credential.achievement.title = nil
        credential.learner.givenNames = nil
        credential.learner.familyName = ""
        credential.awardingBodies[0].registrationIds = []
        let codes = ELM.ruleFindings(credential).map(\.code)
        #expect(codes == ["elm.missing-issued", "elm.missing-title", "elm.missing-given-names", "elm.missing-family-name", "elm.missing-registration"])
        credential = Self.credential()
        credential.awardingBodies = []
        #expect(ELM.ruleFindings(credential).map(\.code) == ["elm.missing-issuer"])
    }

    @Test func rulesRejectLanguagesTheSchemaCannotHold() {
        var credential = Self.credential()
        credential.description = LocalizedText(entries: [.init(language: "ja", value: "データ")])
        credential.achievement.learningOutcomes[0].text = LocalizedText(entries: [.init(language: "en-GB", value: "Reads data")])
        let findings = ELM.ruleFindings(credential)
        #expect(findings.map(\.code) == ["elm.unsupported-language"])
        #expect(findings.first?.location.field == "description")
        #expect(findings.first?.message.contains("'ja'") == true)
        credential = Self.credential()
        credential.achievement.learningOutcomes[0].text = LocalizedText(entries: [.init(language: "ja", value: "データを読む")])
        #expect(ELM.ruleFindings(credential).map(\.location.field) == ["achievement.learningOutcomes[0].text"])
        credential = Self.credential()
        credential.title = LocalizedText(entries: [.init(value: "Datenkompetenz"), .init(language: "de", value: "Datenkompetenz (2)")])
        #expect(ELM.ruleFindings(credential).map(\.code) == ["elm.duplicate-text-language"])
    }

    @Test func writerRejectsWhatTheRulesWouldWithoutWritingIt() throws {
        var credential = Self.credential()
        credential.awardingBodies[0].registrationIds = []
        let writer = try ELM.writer()
        do {
            _ = try writer.encode(credential, standalone: true)
            Issue.record("the credential was written")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["elm.missing-registration"])
        }
    }

    @Test func textSurvivesExactly() throws {
        var credential = Self.credential()
        let awkward = "  leading and trailing  \r\nline\ttab \"quotes\" 'apostrophes' <tag> & ]]> 🎓 Ελληνικά 學習 "
        credential.description = LocalizedText(entries: [.init(language: "el", value: awkward)])
        credential.learner.familyName = "O'Brien <Ó Súilleabháin>"
        credential.awardingBodies[0].registrationIds = [Identifier("DE 99/88 & co", scheme: "scheme \"quoted\"")]
        let back = try #require(ELM.read(try ELM.write(credential).bytes).credentials.first)
        #expect(back.description?.value(in: "el") == awkward)
        #expect(back.learner.familyName == credential.learner.familyName)
        #expect(back.awardingBodies.first?.registrationIds == credential.awardingBodies[0].registrationIds)
    }

    @Test func writerRejectsDuplicateTitleLanguagesAndUnencodableText() throws {
        var duplicate = Self.credential()
        duplicate.title = LocalizedText(entries: [.init(value: "Datenkompetenz"), .init(language: "de", value: "Datenkompetenz 2")])
        #expect(throws: RecordRejection.self) { try ELM.write(duplicate) }
        var control = Self.credential()
        control.description = "bell \u{07} inside"
        #expect(ELM.ruleFindings(control).isEmpty)
        do {
            _ = try ELM.write(control)
            Issue.record("a control character was written")
        } catch let rejection as RecordRejection {
            #expect(rejection.diagnostics.map(\.code) == ["elm.unencodable"])
            #expect(rejection.diagnostics.first?.message.contains("U+0007") == true)
        }
    }

    @Test func reportsValuesItCannotWrite() throws {
        var credential = Self.credential()
        credential.achievement.achievementType = "MicroCredential"
        credential.achievement.participation.mode = "kite-surfing"
        credential.awardingBodies[0].homepage = "uni.example.eu"
        credential.result?.status = "passed"
        let written = try ELM.write(credential)
        let fields = written.diagnostics.filter { $0.code == "elm.value-not-written" }.compactMap(\.location.field)
        #expect(Set(fields) == ["achievement.achievementType", "achievement.participation.mode", "awardingBodies[0].homepage", "result.status"])
        #expect(written.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func batchIsOneWrapperDocument() throws {
        let writer = try ELM.writer(ELM.context(["indent": "false"]))
        let header = String(decoding: writer.header, as: UTF8.self)
        let footer = String(decoding: writer.footer, as: UTF8.self)
        #expect(header == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<europassCredentials xmlns=\"http://data.europa.eu/snbUpload\">\n")
        #expect(footer == "</europassCredentials>\n")
        var credentials = [Self.credential(), Self.credential(), Self.credential()]
        credentials[1].learner.givenNames = "Inês"
        credentials[2].learner.familyName = "Παπαδόπουλος"
        var bytes = writer.header
        for (index, credential) in credentials.enumerated() {
            let record = try writer.encode(credential, standalone: false).bytes
            #expect(!String(decoding: record, as: UTF8.self).contains("<?xml"))
            if index > 0 { bytes += writer.separator }
            bytes += record
        }
        bytes += writer.footer
        let read = ELM.read(bytes)
        #expect(read.failure == nil)
        #expect(read.credentials.map(\.learner.familyName) == ["Müller", "Müller", "Παπαδόπουλος"])
        let standalone = String(decoding: try writer.encode(Self.credential(), standalone: true).bytes, as: UTF8.self)
        #expect(standalone.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<europassCredential "))
    }

    @Test func emptyBatchReadsAsNoRecords() throws {
        let writer = try ELM.writer()
        let read = ELM.read(writer.header + writer.footer)
        #expect(read.records.isEmpty)
        #expect(read.failure == nil)
    }

    @Test(.enabled(if: RefData.isAvailable)) func schemaOptionRejectsInvalidDocuments() throws {
        let schema = try #require(ELM.schemaURL())
        let writer = try ELM.writer(ELM.context(["xsd": schema.path]))
        _ = try writer.encode(Self.credential(), standalone: true)
        var broken = Self.credential()
        broken.unmapped = [
            UnmappedField(
                format: "elm-xml", path: "/europassCredential/credentialSubject[1]/gender[1]",
                value: .string(#"<gender xmlns="http://data.europa.eu/snb"/>"#))
        ]
        do {
            _ = try writer.encode(broken, standalone: false)
            Issue.record("an invalid document was written")
        } catch {
            #expect(!error.diagnostics.isEmpty)
            #expect(error.diagnostics.allSatisfy { $0.code == "xml.schema-violation" && $0.severity == .error })
            #expect(error.diagnostics.first?.message.contains("gender") == true)
        }
    }

    @Test func schemaOptionNamingNoFileFailsTheRun() {
        #expect(throws: Diagnostic.self) { try ELM.writer(ELM.context(["xsd": "/nonexistent/genericschema_1.2.xsd"])) }
        do {
            _ = try ELM.writer(ELM.context(["xsd": "/nonexistent/genericschema_1.2.xsd"]))
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.code == "xml.unreadable")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func keptXMLWithoutAPlaceIsReported() throws {
        var credential = Self.credential()
        credential.unmapped = [
            UnmappedField(format: "elm-xml", path: "/europassCredential/credentialSubject[1]/achievements[1]/qualificationAward[1]/@id", value: .string("x")),
            UnmappedField(format: "elm-xml", path: "/europassCredential/credentialSubject[1]/shoeSize[1]", value: .string(#"<shoeSize xmlns="http://data.europa.eu/snb">42</shoeSize>"#)),
            UnmappedField(format: "csv", path: "Notes", value: .string("kept for csv")),
        ]
        let written = try ELM.write(credential)
        let reported = written.diagnostics.filter { $0.code == "elm.unmapped-not-written" }.compactMap(\.location.field)
        #expect(reported == [
            "/europassCredential/credentialSubject[1]/shoeSize[1]",
            "/europassCredential/credentialSubject[1]/achievements[1]/qualificationAward[1]/@id",
        ])
        #expect(!String(decoding: written.bytes, as: UTF8.self).contains("shoeSize"))
    }

    @Test func keptXMLThatCannotBeReadIsReportedWhenNothingIsMerged() throws {
        var credential = Self.credential()
        credential.unmapped = [
            UnmappedField(format: "elm-xml", path: "/europassCredential/credentialSubject[1]/shoeSize[1]", value: .string("<shoeSize>42")),
            UnmappedField(format: "elm-xml", path: "not a path", value: .string("<a/>")),
        ]
        let written = try ELM.write(credential)
        let reported = written.diagnostics.filter { $0.code == "elm.unmapped-not-written" }.compactMap(\.location.field)
        #expect(reported == ["/europassCredential/credentialSubject[1]/shoeSize[1]", "not a path"])
        #expect(written.bytes == (try ELM.write(Self.credential()).bytes))
    }

    @Test func withoutVocabulariesCodesAreReportedNotGuessed() throws {
        let written = try ELM.write(Self.credential(), context: ELM.context(vocabularies: false))
        let fields = Set(written.diagnostics.filter { $0.code == "elm.value-not-written" }.compactMap(\.location.field))
        #expect(fields.isSuperset(of: ["learner.citizenship[0]", "awardingBodies[0].country", "achievement.participation.mode"]))
        let text = String(decoding: written.bytes, as: UTF8.self)
        #expect(text.contains("http://data.europa.eu/snb/eqf/6"))
        #expect(text.contains("http://data.europa.eu/snb/isced-f/0613"))
    }
}
