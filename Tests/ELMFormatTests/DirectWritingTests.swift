@testable import ELMFormat
import MicrocredModel
import MicrocredTestSupport
import Testing
import XMLSupport

/// The writer builds a credential with no kept XML straight into bytes, and one with kept XML as
/// a tree it then serializes: both give the same bytes. The writer of bytes does not check the
/// builder's names; the serializer does, so every name the builder writes is checked here.
@Suite struct DirectWritingTests {
    @Test("bytes written directly equal the serialized tree", arguments: Array(UInt64(1)...8))
    func directBytesEqualTheSerializedTree(_ seed: UInt64) throws {
        var generator = CredentialGenerator(seed: seed)
        for index in 0..<16 {
            // Every other credential keeps its unregistered organisations, so that those errors
            // are written too.
            let generated = generator.next()
            try Self.expectSameBytes(index.isMultiple(of: 2) ? GeneratedCredentialTests.registered(generated) : generated)
        }
    }

    @Test func everyPartTheBuilderWritesIsWrittenAlike() throws {
        try Self.expectSameBytes(Self.everything())
    }

    /// The decoder checks, while it writes, whether a credential is written back as read: the
    /// check finds each built document equivalent to itself, and not to it with one text changed.
    @Test("the check while writing accepts the document itself", arguments: Array(UInt64(1)...4))
    func theCheckWhileWritingAcceptsTheDocumentItself(_ seed: UInt64) throws {
        var generator = CredentialGenerator(seed: seed)
        let concepts = ELMConcepts(ELM.vocabularies)
        for credential in (0..<8).map({ _ in generator.next() }) + [Self.everything()] {
            var tree = ELMDocumentBuilder(credential: credential, concepts: concepts, output: XMLTreeBuilder())
            let built = tree.buildTree()
            var same = ELMDocumentBuilder(credential: credential, concepts: concepts, output: XMLEquivalenceSink(source: built.asRead))
            same.build()
            #expect(same.output.isEquivalent)
            let changed = try #require(Self.changingLastText(of: built))
            var other = ELMDocumentBuilder(credential: credential, concepts: concepts, output: XMLEquivalenceSink(source: changed.asRead))
            other.build()
            #expect(!other.output.isEquivalent)
        }
    }

    /// `element` with the last text in document order changed; `nil` when it holds no text.
    private static func changingLastText(of element: XMLElement) -> XMLElement? {
        var copy = element
        for index in copy.children.indices.reversed() {
            switch copy.children[index] {
            case .text(let text):
                copy.children[index] = .text(text + "!")
                return copy
            case .element(let child):
                if let changed = changingLastText(of: child) {
                    copy.children[index] = .element(changed)
                    return copy
                }
            }
        }
        return nil
    }

    /// A credential with every part the builder writes, and text and attribute values that need
    /// escaping or references.
    static func everything() -> Credential {
        var credential = WriterTests.credential()
        let hostile = "<a & \"b\">\r\n\tç"
        credential.otherIdentifiers = [Identifier("X-1", scheme: "scheme é", issuer: hostile)]
        credential.description = LocalizedText(entries: [.init(language: "en", value: hostile)])
        credential.validFrom = .date(CalendarDate(year: 2026, month: 1, day: 1)!)
        credential.validUntil = .date(CalendarDate(year: 2030, month: 1, day: 1)!)
        credential.learner.fullName = "Zoë Müller"
        credential.learner.nationalId = Identifier("NID-1", scheme: "national")
        credential.issuer = Organisation(
            name: "Issuer <Office>", registrationIds: [Identifier("R-1", scheme: "VAT"), Identifier("R-2")], country: "FR",
            homepage: "https://issuer.example.eu/?a=1&b=2", email: "office@issuer.example.eu", logo: "data:image/png;base64,iVBORw0KGgo=")
        credential.achievement.otherIdentifiers = [Identifier("C-1", scheme: "course")]
        credential.achievement.description = LocalizedText(entries: [.init(language: "en", value: hostile)])
        credential.achievement.homepage = "https://course.example.eu/"
        credential.achievement.workload.credits += [CreditPoints(points: DecimalNumber(1)), CreditPoints(framework: "ECVET", points: DecimalNumber(2))]
        credential.achievement.level.nqf = [NQFLevel(framework: "FR", value: "http://data.europa.eu/snb/qdr/c_fr6")]
        credential.achievement.assessment.description = "Written & oral"
        credential.achievement.learningOutcomes[0].escoSkill = "http://data.europa.eu/esco/skill/0001"
        credential.achievement.qualityAssurance.append(QualityAssurance(type: "external", reference: "acc-1"))
        return credential
    }

    private static func expectSameBytes(_ credential: Credential, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let concepts = ELMConcepts(ELM.vocabularies)
        for (indent, declaration) in [(true, false), (true, true), (false, false), (false, true)] {
            var direct = ELMDocumentBuilder(
                credential: credential, concepts: concepts, output: XMLMarkupWriter(indent: indent, declaration: declaration, checksNames: false))
            direct.build()
            var tree = ELMDocumentBuilder(credential: credential, concepts: concepts, output: XMLTreeBuilder())
            let serialized = try XMLTreeSerializer(indent: indent).serialize(tree.buildTree(), declaration: declaration)
            #expect(try direct.output.finish() == serialized, "indent \(indent), declaration \(declaration)", sourceLocation: sourceLocation)
        }
    }
}
