import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// How model credentials are written as OB 3.0: EU elements in their natural slots, the rest in the
/// extension, recipients hashed, strict shapes, and nothing lost on the way back.
struct OB3WriterTests {
    static var credential: Credential { OpenBadgesHarness.normalised(Fixtures.microCredential) }

    static func document(options: [String: String] = [:], secret: String? = "test-secret") throws -> JSONValue {
        try OpenBadgesHarness.document(credential, options: options, secret: secret)
    }

    static func achievement(_ document: JSONValue) throws -> JSONValue {
        try #require(document["credentialSubject"]?["achievement"])
    }

    @Test func putsEUElementsInTheirNaturalSlots() throws {
        let achievement = try Self.achievement(try Self.document())
        #expect(achievement["creditsAvailable"] == .number("5"))
        #expect(
            achievement["creditPoint"]
                == (try JSONParser.parse(
                    #"[{"framework":"http://data.europa.eu/snb/education-credit/6fcec5c5af","point":"5"},{"framework":"http://data.europa.eu/snb/education-credit/60b314e826","point":"7.5"}]"#)),
            "the credit framework is stated")
        #expect(achievement["fieldOfStudy"] == "ISCED-F 0542, ISCED-F 0613")
        let urls = achievement["alignment"]?.listValue.compactMap { $0["targetUrl"]?.stringValue } ?? []
        #expect(
            urls == [
                "http://data.europa.eu/snb/eqf/6", "http://data.europa.eu/snb/isced-f/0542", "http://data.europa.eu/snb/isced-f/0613",
                "http://data.europa.eu/esco/skill/81a2db2c-7e55-44d0-9cd9-74c25147d7cd", "https://framework.example.org/data-literacy",
            ])
        #expect(achievement["achievementType"] == "MicroCredential")
        #expect(achievement["inLanguage"] == "en")
        let result = try #require(try Self.document()["credentialSubject"]?["result"]?.listValue.first)
        #expect(result["value"] == "1,7")
        #expect(result["status"] == "Completed")
        #expect(result["gradeStatus"] == "passed")
        let description = try #require(achievement["resultDescription"]?.listValue.first)
        #expect(description["id"] == result["resultDescription"])
        #expect(description["name"] == "German grades 1-5")
    }

    @Test func putsElementsWithoutSlotInTheExtension() throws {
        let document = try Self.document()
        let achievement = try Self.achievement(document)
        #expect(achievement["volumeOfLearning"] == "PT150H")
        #expect(achievement["mode"] == "blended")
        #expect(achievement["learningSetting"] == "non-formal")
        #expect(achievement["assessmentType"] == "written examination")
        #expect(achievement["idVerification"] == "supervised-with-id-verification")
        #expect(achievement["entryRequirement"] == "Basic statistics")
        #expect(achievement["isPartOf"] == .array(["https://uni.example.eu/programmes/data-science"]))
        #expect(achievement["stackability"] == "Counts towards the data science certificate.")
        #expect(achievement["qfEheaCycle"] == "first")
        #expect(achievement["accreditation"]?.listValue.first?["notation"] == "QA-2025/17")
        #expect(achievement["accreditation"]?.listValue.first?["accreditingAgent"]?["name"] == "Accreditation Agency")
        #expect(achievement["language"] == .array(["en", "de"]))
        #expect(achievement["localized"]?["name"]?["de"] == "Datenanalyse")
        let outcomes = achievement["learningOutcome"]?.listValue ?? []
        #expect(outcomes.map { $0["title"] } == ["Apply statistical methods", "Write reproducible reports"])
        #expect(document["sourceField"]?.listValue.first?["path"] == "Notes", "fields of other formats are carried")
        #expect(document["dateOnly"] == .array(["validFrom"]))
        #expect(document["credentialSubject"]?["dateOfBirth"] == "2001-04-02")
        let contexts = document["@context"]?.listValue ?? []
        #expect(contexts.prefix(2) == [.string(OB3Vocabulary.credentialsV2Context), .string(OB3Vocabulary.context)])
        let inline = try #require(contexts.last)
        #expect(inline == MicrocredExtension.context(forTerms: MicrocredExtension.usedTerms(in: document)))
        #expect(inline["mc"] == .string(MicrocredExtension.namespace) && inline["mode"] != nil)
        #expect(inline["eqfLevel"] == nil, "only the terms the document uses")
    }

    /// `inLanguage` is written only in the shape the 1EdTech schema's pattern accepts.
    @Test func checksLanguageTagsAsTheSchemaPatternDoes() throws {
        let pattern = try NSRegularExpression(pattern: "^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")
        let pieces = ["en", "de", "fra", "mult", "x", "EN", "-", "Latn", "latn", "LATN", "GB", "gb", "419", "41", "é", "A", "z", "1", ""]
        var random = SeededRandom(seed: 11)
        for _ in 0..<20_000 {
            let tag = (0..<Int.random(in: 1...5, using: &random)).map { _ in random.pick(pieces) }.joined()
            let range = NSRange(tag.startIndex..., in: tag)
            let matches = pattern.firstMatch(in: tag, range: range) != nil
            #expect(OB3Vocabulary.isSchemaLanguageTag(tag) == matches, "\(tag)")
        }
    }

    /// JSON Lines records copy the inline context's bytes instead of serializing it again; the
    /// line is the same as serializing the whole document.
    @Test func splicesTheInlineContextExactly() throws {
        let document = try Self.document()
        let context = InlineExtensionContext.forTerms(MicrocredExtension.usedTerms(in: document))
        #expect(document["@context"]?.listValue.last == context.value)
        let spliced = try #require(context.compactSerialization(of: document))
        #expect(spliced == JSONSerializer().serialize(document))
        #expect(InlineExtensionContext.forTerms(MicrocredExtension.usedTerms(in: document)).compact == context.compact, "made once per set of terms")

        let withoutContext = document.setting("@context", .array(Array(document["@context"]?.listValue.dropLast() ?? [])))
        #expect(context.compactSerialization(of: withoutContext) == nil, "only a document that ends its contexts with it")
    }

    @Test func definesEveryExtensionMemberItWrites() throws {
        let document = try Self.document()
        let defined = Set(document["@context"]?.listValue.last?.objectValue?.map(\.key) ?? [])
        let native: Set<String> = [
            "@context", "id", "type", "name", "description", "credentialSubject", "issuer", "validFrom", "awardedDate", "validUntil",
            "evidence", "identifier", "achievement", "result", "creditsEarned", "achievementType", "criteria", "image", "inLanguage",
            "tag", "alignment", "creditsAvailable", "fieldOfStudy", "otherIdentifier", "resultDescription", "url", "email", "address",
            "narrative", "value", "status", "targetName", "targetUrl", "targetFramework", "targetCode", "targetType",
            "targetDescription", "identityHash", "identityType", "hashed", "salt", "identifierType", "addressCountryCode",
            "addressRegion", "resultType", "endorsement", "proof", "related", "version",
        ]
        var members: [String: String] = [:]
        func collect(_ value: JSONValue, _ path: String) {
            switch value {
            case .object(let items):
                for item in items where item.key != "@context" && item.key != "localized" && item.key != "sourceField" {
                    members[item.key] = path + "/" + item.key
                    collect(item.value, path + "/" + item.key)
                }
            case .array(let items): for item in items { collect(item, path) }
            default: break
            }
        }
        collect(document, "")
        let undefined = members.filter { !native.contains($0.key) && !defined.contains($0.key) && !Self.scopedTerms.contains($0.key) }
        #expect(undefined.isEmpty, "\(undefined)")
    }

    /// Terms defined inside the extension's scoped contexts.
    static let scopedTerms: Set<String> = ["notation", "schemeName", "schemeAgency", "framework", "point", "title", "relatedESCOSkill", "dcType", "accreditingAgent", "inScheme"]

    @Test func hashesRecipientEmailsByDefault() throws {
        let bytes = try OpenBadgesHarness.write(Self.credential, secret: "test-secret").bytes
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("zoe.mueller@student.example.eu"))
        let identity = try #require(try JSONParser.parse(bytes)["credentialSubject"]?["identifier"]?.listValue.first)
        #expect(identity["identityType"] == "emailAddress" && identity["hashed"] == .bool(true))
        let salt = try #require(identity["salt"]?.stringValue)
        #expect(salt == RecipientSalt.salt(credentialID: Self.credential.id ?? "", secret: "test-secret"))
        let parsed = try #require(RecipientHash.parse(identity["identityHash"]?.stringValue ?? ""))
        #expect(RecipientHash.matches("zoe.mueller@student.example.eu", HashedIdentity(algorithm: parsed.algorithm.rawValue, hash: parsed.hex, salt: salt)))
        let other = try Self.document(secret: "another-secret")["credentialSubject"]?["identifier"]?.listValue.first?["salt"]
        #expect(other != identity["salt"], "the salt depends on the secret")
        let plain = try Self.document(options: ["plain-recipients": "true"])["credentialSubject"]?["identifier"]?.listValue.first
        #expect(plain?["identityHash"] == "zoe.mueller@student.example.eu" && plain?["hashed"] == .bool(false))
    }

    @Test func warnsOnceWhenNoSecretIsGiven() throws {
        let writer = try #require(try OpenBadges3Format.descriptor.makeWriter?(OpenBadgesHarness.writeContext()))
        let first = try writer.encode(Self.credential, standalone: false)
        let second = try writer.encode(Self.credential, standalone: false)
        #expect(first.diagnostics.map(\.code).contains("openbadges.salt-without-secret"))
        #expect(!second.diagnostics.map(\.code).contains("openbadges.salt-without-secret"))
        for diagnostic in first.diagnostics { #expect(!diagnostic.message.contains("zoe.mueller@")) }
    }

    @Test func writesJSONLinesOrPrettyDocuments() throws {
        let line = try OpenBadgesHarness.write(Self.credential, secret: "s").bytes
        #expect(line.last == 0x0A && line.dropLast().allSatisfy { $0 != 0x0A }, "one compact line")
        let pretty = String(decoding: try OpenBadgesHarness.write(Self.credential, secret: "s", standalone: true).bytes, as: UTF8.self)
        #expect(pretty.hasPrefix("{\n  \"@context\": [\n    \"https://www.w3.org/ns/credentials/v2\","))
        #expect(try JSONParser.parse(pretty) == (try JSONParser.parse(line)))
        let writer = try #require(try OpenBadges3Format.descriptor.makeWriter?(OpenBadgesHarness.writeContext()))
        #expect(writer.documentExtension == "json")
        #expect(writer.header.isEmpty && writer.separator.isEmpty && writer.footer.isEmpty)
    }

    @Test func referencesAPublishedExtensionContextWhenAsked() throws {
        let url = "https://registry.example.eu/contexts/" + MicrocredExtension.contextFileName
        let document = try Self.document(options: ["extension-context": url])
        #expect(document["@context"]?.listValue.last == .string(url))
        let back = try OpenBadgesHarness.read(JSONSerializer().serialize(document))
        #expect(back.first?.credential?.unmapped.contains { $0.path.hasPrefix("/@context") } == false, "the context is recognised")
        #expect(throws: Diagnostic.self) {
            try OpenBadges3Format.descriptor.makeWriter?(OpenBadgesHarness.writeContext(options: ["extension-context": "ftp://x"]))
        }
    }

    @Test func readsItsOwnOutputBackLosslessly() throws {
        for plain in [true, false] {
            let document = try Self.document(options: ["plain-recipients": String(plain)])
            let back = try #require(try OpenBadgesHarness.read(JSONSerializer().serialize(document)).first?.credential)
            let expected = Canonical.afterOB3(Self.credential, plainRecipients: plain)
            let (actual, verified) = Canonical.withoutWrittenEmailHash(back, email: plain ? nil : Self.credential.learner.email)
            #expect(verified)
            #expect(actual == expected)
        }
    }

    @Test func rejectsRecordsThatCannotMakeAValidCredential() {
        var credential = Self.credential
        credential.awardingBodies = []
        credential.issuer = nil
        credential.achievement.title = nil
        credential.title = nil
        credential.issued = nil
        credential.learner = Learner()
        let codes = OpenBadgesHarness.writeRuleFindings(credential, format: OpenBadges3Format.descriptor).map(\.code)
        #expect(codes == ["ob3.write.missing-issuer", "ob3.write.missing-title", "ob3.write.missing-valid-from", "ob3.write.missing-recipient"])
        #expect(OpenBadgesHarness.writeRuleFindings(Self.credential, format: OpenBadges3Format.descriptor).isEmpty)
    }

    @Test func followsTheSchema() throws {
        guard let schema = SchemaValidator.ob3Schema() else { return }
        let documents = try [Self.document(), Self.document(options: ["plain-recipients": "true"])]
        guard let results = SchemaValidator.errors(for: documents, schema: schema) else { return }
        #expect(results == [[], []])
    }
}
