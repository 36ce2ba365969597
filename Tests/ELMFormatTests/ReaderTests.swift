import ELMFormat
import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
import XMLSupport

/// Reading `elm-xml`: splitting, idref resolution, vocabularies, known data problems.
@Suite struct ReaderTests {
    /// The 1-based line of the first line of `text` holding `needle`.
    static func line(of needle: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    @Test func mapsAMicroCredential() throws {
        let result = ELM.read(ELM.bytes(ELMSamples.microCredential))
        #expect(result.errors.isEmpty, "\(result.errors)")
        let credential = try #require(result.credentials.first)
        #expect(credential.id == "urn:credential:mc-1")
        #expect(credential.issued == Timestamp(iso: "2025-06-30T10:00:00+02:00"))
        #expect(credential.title?.value(in: "de") == "Datenkompetenz")
        #expect(credential.learner.givenNames == "Anna")
        #expect(credential.issuer?.name.value(in: "de") == "Beispieluniversität")
        #expect(credential.issuer?.country == "DE")
        #expect(credential.issuer?.registrationIds == [Identifier("DE-123456")])
        #expect(credential.awardingBodies.map(\.id) == ["urn:epass:org:1"])

        let achievement = credential.achievement
        #expect(achievement.id == "urn:epass:qualification:1")
        #expect(achievement.iscedFields == ["0613"])
        #expect(achievement.level.eqf == 6)
        #expect(achievement.workload.ects == DecimalNumber("2.5"))
        #expect(achievement.languages == ["en"])
        #expect(achievement.participation == Participation(mode: "http://data.europa.eu/snb/learning-assessment/920fbb3cbe", setting: "http://data.europa.eu/snb/learning-setting/e207a81fc7"))
        #expect(achievement.assessment.type == "http://data.europa.eu/snb/assessment/6e6cb2cc78")
        #expect(achievement.assessment.supervision == "http://data.europa.eu/snb/supervision-verification/70be69aaf9")
        #expect(credential.credentialType == "http://data.europa.eu/snb/credential/e34929035b")
        #expect(credential.result?.grade == "1,7")
        #expect(credential.result?.gradingScheme == "German university grades 1–5")
        #expect(achievement.learningOutcomes.map(\.id) == ["urn:epass:learningOutcome:1", "urn:epass:learningOutcome:2"])
        #expect(achievement.learningOutcomes[0].text.entries.map(\.language) == ["en", "de"])
        #expect(achievement.learningOutcomes[1].escoSkill == "http://data.europa.eu/esco/skill/abc")
    }

    @Test func repairsKnownDataProblemsWithNotes() throws {
        let result = ELM.read(ELM.bytes(ELMSamples.microCredential))
        let credential = try #require(result.credentials.first)
        #expect(credential.learner.dateOfBirth == CalendarDate(year: 1999, month: 10, day: 2))
        #expect(credential.achievement.workload.hours == DecimalNumber(60))
        let notes = result.diagnostics.filter { $0.severity == .note }
        #expect(Set(notes.map(\.code)) == ["elm.date-of-birth-repaired", "elm.duration-months-as-hours", "elm.uri-whitespace"])
        let birth = try #require(notes.first { $0.code == "elm.date-of-birth-repaired" })
        #expect(birth.message.contains("1999-10-01T22:00:00Z"))
        #expect(birth.location.line == Self.line(of: "<dateOfBirth>", in: ELMSamples.microCredential))
        let uri = try #require(notes.first { $0.code == "elm.uri-whitespace" })
        #expect(uri.message.contains("e207a81fc7 '"))
    }

    @Test(arguments: [
        ("<dateOfBirth>1999-10-01T22:00:00Z</dateOfBirth>", "elm.date-of-birth-repaired"),
        ("<volumeOfLearning>P60M</volumeOfLearning>", "elm.duration-months-as-hours"),
        ("e207a81fc7 \"", "elm.uri-whitespace"),
    ])
    func eachRepairIsFoundOnItsOwn(kept: String, code: String) throws {
        var xml = ELMSamples.microCredential
        for (problem, clean) in [
            ("<dateOfBirth>1999-10-01T22:00:00Z</dateOfBirth>", "<dateOfBirth>1999-10-02</dateOfBirth>"),
            ("<volumeOfLearning>P60M</volumeOfLearning>", "<volumeOfLearning>PT60H</volumeOfLearning>"),
            ("e207a81fc7 \"", "e207a81fc7\""),
        ] where problem != kept {
            #expect(xml.contains(problem))
            xml = xml.replacingOccurrences(of: problem, with: clean)
        }
        let result = ELM.read(ELM.bytes(xml))
        #expect(result.diagnostics.filter { $0.severity == .note }.map(\.code) == [code])
        let credential = try #require(result.credentials.first)
        #expect(credential.learner.dateOfBirth == CalendarDate(year: 1999, month: 10, day: 2))
        #expect(credential.achievement.workload.hours == DecimalNumber(60))
    }

    @Test func idsWithWhiteSpaceAroundThemResolveOnceRepaired() throws {
        let padded = ELMSamples.organisation.replacingOccurrences(of: #"id="urn:epass:org:1""#, with: #"id=" urn:epass:org:1 ""#)
        let result = ELM.read(ELM.bytes(ELMSamples.credential(references: padded)))
        #expect(result.diagnostics.map(\.code) == ["elm.uri-whitespace"])
        #expect(try #require(result.credentials.first).issuer?.name.primary == "Example University")
        let elsewhere = padded.replacingOccurrences(of: "org:1 ", with: "org:2 ")
        let unresolved = ELM.read(ELM.bytes(ELMSamples.credential(references: elsewhere)))
        #expect(unresolved.diagnostics.map(\.code) == ["elm.uri-whitespace", "elm.unresolved-idref"])
        #expect(unresolved.diagnostics.last?.location.field == "/europassCredential/cred:issuer")
    }

    @Test func repairedValuesAreWrittenRepaired() throws {
        let credential = try #require(ELM.read(ELM.bytes(ELMSamples.microCredential)).credentials.first)
        let text = String(decoding: try ELM.write(credential).bytes, as: UTF8.self)
        #expect(text.contains("<dateOfBirth>1999-10-02</dateOfBirth>"))
        #expect(text.contains("<volumeOfLearning>PT60H</volumeOfLearning>"))
        #expect(!text.contains("e207a81fc7 "))
    }

    @Test func dateOfBirthShapes() throws {
        let cases: [(String, CalendarDate?, Bool)] = [
            ("1992-10-02", CalendarDate(year: 1992, month: 10, day: 2), false),
            ("1999-10-01T22:00:00Z", CalendarDate(year: 1999, month: 10, day: 2), true),
            ("1999-10-02T00:00:00Z", CalendarDate(year: 1999, month: 10, day: 2), true),
            ("1999-10-02T00:00:00+02:00", CalendarDate(year: 1999, month: 10, day: 2), true),
            ("02.10.1999", nil, false),
        ]
        for (value, expected, repaired) in cases {
            let result = ELM.read(ELM.bytes(ELMSamples.credential(subject: "<dateOfBirth>\(value)</dateOfBirth>")))
            #expect(result.credentials.first?.learner.dateOfBirth == expected, "\(value)")
            #expect(result.codes.contains("elm.date-of-birth-repaired") == repaired, "\(value)")
            if expected == nil { #expect(result.codes.contains("elm.invalid-value")) }
        }
    }

    @Test func acceptsBothLanguageWrappers() throws {
        let standard = ELM.read(ELM.bytes(ELMSamples.credential(languages: "<availableLanguages><language>en</language><language>fr</language></availableLanguages>")))
        let dialect = ELM.read(ELM.bytes(ELMSamples.credential(languages: "<language><language>en</language><language>fr</language></language>")))
        #expect(standard.errors.isEmpty && dialect.errors.isEmpty)
        #expect(dialect.codes.contains("elm.language-wrapper"))
        #expect(!standard.codes.contains("elm.language-wrapper"))
        let kept = try #require(dialect.credentials.first).unmapped
        #expect(kept.map(\.path) == ["/europassCredential/availableLanguages[1]"], "the list names a language no text uses, so it is kept")
        let written = String(decoding: try ELM.write(try #require(dialect.credentials.first)).bytes, as: UTF8.self)
        #expect(written.contains("<availableLanguages>"))
        #expect(!written.contains("<language>\n"))
        if let violations = ELM.violations(Array(written.utf8)) { #expect(violations.isEmpty, "\(violations)") }
    }

    @Test func singleLanguageListIsRebuiltNotKept() throws {
        let credential = try #require(ELM.read(ELM.bytes(ELMSamples.credential())).credentials.first)
        #expect(credential.unmapped.isEmpty, "\(credential.unmapped)")
    }

    @Test func splitsAWrapperOneCredentialAtATime() throws {
        let wrapper = """
            <?xml version="1.0" encoding="UTF-8"?>
            <europassCredentials xmlns="http://data.europa.eu/snbUpload">
            \(ELMSamples.credential(id: "urn:credential:a"))
            \(ELMSamples.credential(id: "urn:credential:b"))
            \(ELMSamples.credential(id: "urn:credential:c"))
            </europassCredentials>
            """
        let result = ELM.read(ELM.bytes(wrapper), name: "batch.xml")
        #expect(result.failure == nil)
        #expect(result.credentials.map(\.id) == ["urn:credential:a", "urn:credential:b", "urn:credential:c"])
        #expect(result.records.map(\.location.record) == [1, 2, 3])
        #expect(result.records.map(\.location.file) == ["batch.xml", "batch.xml", "batch.xml"])
        #expect(result.records[0].location.line == 3)
        guard case .string(let raw) = result.records[1].decoder.raw(of: result.records[1]) else { Issue.record("raw is not XML text"); return }
        #expect(raw.hasPrefix("<europassCredential"))
        #expect(raw.contains("urn:credential:b"))
    }

    @Test func eachCredentialInheritsTheDeclarationsInScopeWhereItIs() throws {
        func credential(_ id: String, declaring declarations: String) -> String {
            ELMSamples.credential(id: id).replacingOccurrences(of: ELMSamples.namespaces, with: #"xmlns="http://data.europa.eu/snb""# + declarations)
        }
        let xml = """
            <r xmlns:cred="http://data.europa.eu/europass/model/credentials/w3c#" xmlns:x="urn:x1">
            \(credential("urn:a", declaring: ""))
            \(credential("urn:b", declaring: #" xmlns:x="urn:x2""#))
            <w xmlns:x="urn:x3">\(credential("urn:c", declaring: ""))</w>
            \(credential("urn:d", declaring: ""))
            \(credential("urn:e", declaring: #" xmlns:x="urn:x2""#))
            </r>
            """
        let result = ELM.read(ELM.bytes(xml))
        #expect(result.errors.isEmpty, "\(result.errors)")
        let scopes = result.records.map { record in
            ((record.payload as? XMLRecordedElement)?.namespaceDeclarations ?? []).map { "\($0.prefix ?? "")=\($0.uri)" }
        }
        let cred = "cred=http://data.europa.eu/europass/model/credentials/w3c#"
        #expect(
            scopes == [
                ["=http://data.europa.eu/snb", cred, "x=urn:x1"], ["=http://data.europa.eu/snb", "x=urn:x2", cred],
                ["=http://data.europa.eu/snb", cred, "x=urn:x3"], ["=http://data.europa.eu/snb", cred, "x=urn:x1"],
                ["=http://data.europa.eu/snb", "x=urn:x2", cred],
            ])
        #expect(result.credentials.map(\.id) == ["urn:a", "urn:b", "urn:c", "urn:d", "urn:e"])
    }

    @Test func emptyWrapperHasNoRecordsAndNoError() {
        let result = ELM.read(ELM.bytes(#"<europassCredentials xmlns="http://data.europa.eu/snbUpload"/>"#))
        #expect(result.records.isEmpty)
        #expect(result.failure == nil)
    }

    @Test func otherXMLIsNotACredential() {
        let result = ELM.read(ELM.bytes("<userInfo><firstName>John</firstName></userInfo>"))
        #expect(result.failure?.code == "elm.no-credentials")
        #expect(result.failure?.message.contains("userInfo") == true)
    }

    @Test func reportsUnresolvedIDRefsByID() throws {
        let xml = ELMSamples.credential(subject: """
            <achievements><learningAchievement id="urn:la:1"><title><text lang="en" content-type="text/plain">X</text></title>
            <wasAwardedBy idref="urn:missing:process"/><specifiedBy idref="urn:missing:spec"/></learningAchievement></achievements>
            """)
        let result = ELM.read(ELM.bytes(xml))
        let unresolved = result.diagnostics.filter { $0.code == "elm.unresolved-idref" }
        #expect(unresolved.count == 2)
        #expect(unresolved.contains { $0.message.contains("'urn:missing:spec'") })
        #expect(unresolved.allSatisfy { $0.severity == .warning && $0.location.line != nil })
        #expect(result.credentials.first?.achievement.title?.primary == "X")
    }

    @Test func contactPointWithoutMailboxOrWalletIsAnError() {
        let bad = ELM.read(ELM.bytes(ELMSamples.credential(subject: "<contactPoint><phone><phoneNumber>1</phoneNumber></phone></contactPoint>")))
        #expect(bad.errors.map(\.code) == ["elm.invalid-contact-point"])
        let good = ELM.read(ELM.bytes(ELMSamples.credential(subject: "<contactPoint><wallet>w-1</wallet></contactPoint>")))
        #expect(good.errors.isEmpty)
    }

    @Test func keepsWhatTheModelHasNoFieldForAndWritesItBack() throws {
        let gender = #"<gender targetFrameworkUrl="http://publications.europa.eu/resource/authority/human-sex" uri="http://publications.europa.eu/resource/authority/human-sex/FEMALE"><targetName><text lang="en" content-type="text/plain">female</text></targetName></gender>"#
        let credential = try #require(ELM.read(ELM.bytes(ELMSamples.credential(subject: "<birthName><text lang=\"en\" content-type=\"text/plain\">Nowak</text></birthName>" + gender)))
            .credentials.first)
        #expect(credential.unmapped.map(\.path) == [
            "/europassCredential/credentialSubject[1]/birthName[1]", "/europassCredential/credentialSubject[1]/gender[1]",
        ])
        #expect(credential.unmapped.allSatisfy { $0.format == "elm-xml" })
        guard case .string(let fragment) = credential.unmapped[1].value else { Issue.record("not a fragment"); return }
        #expect(fragment.hasPrefix("<gender xmlns=\"http://data.europa.eu/snb\""))
        let written = try ELM.write(credential)
        let text = String(decoding: written.bytes, as: UTF8.self)
        #expect(text.contains("human-sex/FEMALE"))
        #expect(text.range(of: "<familyName>")!.lowerBound < text.range(of: "<birthName>")!.lowerBound)
        #expect(text.range(of: "<birthName>")!.lowerBound < text.range(of: "<gender ")!.lowerBound, "schema order")
        #expect(ELM.read(written.bytes).credentials.first == credential)
    }

    @Test func textSplitByACommentReadsAsOneText() throws {
        let plain = try #require(ELM.read(ELM.bytes(ELMSamples.credential())).credentials.first)
        let split = ELMSamples.credential().replacingOccurrences(of: ">Kowalska<", with: ">Kow<!-- a note -->alska<")
        #expect(split != ELMSamples.credential())
        let result = ELM.read(ELM.bytes(split))
        #expect(result.errors.isEmpty, "\(result.errors)")
        let credential = try #require(result.credentials.first)
        #expect(credential.learner.familyName == "Kowalska")
        #expect(credential == plain)
    }

    @Test func withoutVocabulariesKeepsIRIs() throws {
        let result = ELM.read(ELM.bytes(ELMSamples.microCredential), context: ELM.context(vocabularies: false))
        let achievement = try #require(result.credentials.first).achievement
        #expect(achievement.participation.mode == "http://data.europa.eu/snb/learning-assessment/920fbb3cbe")
        #expect(achievement.languages == ["http://publications.europa.eu/resource/authority/language/ENG"])
        #expect(achievement.iscedFields == ["0613"], "ISCED-F codes follow a pattern")
        #expect(achievement.level.eqf == 6, "EQF levels follow a pattern")
    }

    @Test func readsACredentialOutOfAPresentation() throws {
        let xml = """
            <vp:verifiablePresentation xmlns="http://data.europa.eu/snb" xmlns:cred="http://data.europa.eu/europass/model/credentials/w3c#" xmlns:vp="http://data.europa.eu/snb/vp">
              <vp:verifiableCredential>
            \(ELMSamples.credential().replacingOccurrences(of: ELMSamples.namespaces, with: ""))
              </vp:verifiableCredential>
            </vp:verifiablePresentation>
            """
        let result = ELM.read(ELM.bytes(xml))
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.codes.contains("elm.presentation-envelope"))
        let credential = try #require(result.credentials.first)
        #expect(credential.learner.familyName == "Kowalska")
        #expect(credential.issued != nil, "cred: is declared on the presentation only")
        let written = try ELM.write(credential)
        #expect(ELM.read(written.bytes).credentials.first == credential)
    }

    @Test func mapsQualityAssuranceFromAnAccreditation() throws {
        let xml = ELMSamples.microCredential
            .replacingOccurrences(
                of: "</qualification>",
                with: #"<hasAccreditation idref="urn:acc:1"/></qualification>"#)
            .replacingOccurrences(
                of: "<scoringSchemeReferences>",
                with: """
                    <accreditationReferences><accreditation id="urn:acc:1">
                    <type targetFrameworkUrl="http://data.europa.eu/snb/accreditation/25831c2" uri="http://data.europa.eu/snb/accreditation/820101cba6"><targetName><text lang="en" content-type="text/plain">Program QA</text></targetName></type>
                    <title><text lang="en" content-type="text/plain">Programme accreditation</text></title>
                    <organization id="urn:epass:org:9"><registration>R-9</registration><prefLabel><text lang="en" content-type="text/plain">Example University</text></prefLabel><hasLocation/></organization>
                    <accreditingAgent id="urn:epass:org:10"><registration>R-10</registration><prefLabel><text lang="en" content-type="text/plain">Accreditation Council</text></prefLabel><hasLocation/></accreditingAgent>
                    </accreditation></accreditationReferences>
                    <scoringSchemeReferences>
                    """)
        let result = ELM.read(ELM.bytes(xml))
        #expect(result.errors.isEmpty, "\(result.errors)")
        let credential = try #require(result.credentials.first)
        let assurance = try #require(credential.achievement.qualityAssurance.first)
        #expect(assurance.type == "http://data.europa.eu/snb/accreditation/820101cba6")
        #expect(assurance.reference == "urn:acc:1")
        #expect(assurance.body?.name.primary == "Accreditation Council")
        let written = try ELM.write(credential)
        #expect(!written.diagnostics.contains { $0.code == "elm.value-not-written" && $0.location.field?.contains("qualityAssurance") == true })
        if let violations = ELM.violations(written.bytes) { #expect(violations.isEmpty, "\(violations)") }
        #expect(ELM.read(written.bytes).credentials.first == credential)
    }

    @Test func mapsASignatureToProofs() throws {
        let xml = ELMSamples.credential(afterSubject: "", references: ELMSamples.organisation + """
            <proof><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="sig-1"><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature></proof>
            """)
        let credential = try #require(ELM.read(ELM.bytes(xml)).credentials.first)
        #expect(credential.proofs.count == 1)
        #expect(credential.proofs.first?.format == "xmldsig")
        #expect(credential.unmapped.isEmpty)
        let written = try ELM.write(credential)
        #expect(written.diagnostics.contains { $0.code == "elm.proof-not-written" })
        #expect(!String(decoding: written.bytes, as: UTF8.self).contains("Signature"))
    }
}
