import Foundation
import MicrocredModel
@testable import MicrocredPipeline
import MicrocredTestSupport
import Testing

@Suite struct NormalisationStageTests {
    private func normalise(_ credential: Credential, stages: [any NormalisationStage] = .standardStages) -> (Credential, [Diagnostic]) {
        var copy = credential
        var diagnostics: [Diagnostic] = []
        for stage in stages { stage.normalise(&copy, context: StageContext(), diagnostics: &diagnostics) }
        return (copy, diagnostics)
    }

    @Test(arguments: [
        ("  Anna   Maria\tKowalska \n", "Anna Maria Kowalska"),
        ("Zoe\u{0308}", "Zoë"),
        ("Jean\u{0007}-Luc", "Jean-Luc"),
        ("plain", "plain"),
        ("", ""),
    ])
    func cleansText(input: String, expected: String) {
        #expect(TextNormalisation.cleanLine(input) == expected)
    }

    /// Every text the stage looks after is cleaned, each language version of it, and clean text
    /// is left as it was.
    @Test func cleansEveryTextOfTheCredential() {
        var credential = Credential(
            learner: Learner(fullName: " Anna  Kowalska", givenNames: "Anna\u{0007}", familyName: "Kowalska"),
            achievement: Achievement(title: LocalizedText("Data  Science")))
        credential.title = LocalizedText(entries: [.init(language: "en", value: "Data Science"), .init(language: "de", value: "Daten\tanalyse ")])
        credential.achievement.learningOutcomes = [LearningOutcome(text: LocalizedText("Zoe\u{0308} writes")), LearningOutcome(text: LocalizedText("clean"))]
        credential.awardingBodies = [Organisation(name: LocalizedText(" Uni A")), Organisation(name: LocalizedText("Uni B"))]
        credential.issuer = Organisation(name: LocalizedText("Uni\u{00A0}\u{00A0}C"))
        let (cleaned, diagnostics) = normalise(credential, stages: [TextNormalisation()])
        #expect(diagnostics.isEmpty)
        #expect(cleaned.title?.entries.map(\.value) == ["Data Science", "Daten analyse"])
        #expect(cleaned.title?.entries.map(\.language) == ["en", "de"])
        #expect(cleaned.learner.fullName == "Anna Kowalska")
        #expect(cleaned.learner.givenNames == "Anna")
        #expect(cleaned.learner.familyName == "Kowalska")
        #expect(cleaned.achievement.title?.primary == "Data Science")
        #expect(cleaned.achievement.learningOutcomes.map(\.text.primary) == ["Zoë writes", "clean"])
        #expect(cleaned.awardingBodies.map(\.name.primary) == ["Uni A", "Uni B"])
        #expect(cleaned.issuer?.name.primary == "Uni C")
    }

    @Test func lowerCasesEmailWithANoteThatMasksTheAddress() {
        let (credential, diagnostics) = normalise(Credential(learner: Learner(email: " Anna.Kowalska@Uni.Example.EU ")), stages: [EmailNormalisation()])
        #expect(credential.learner.email == "anna.kowalska@uni.example.eu")
        #expect(diagnostics.map(\.code) == ["normalise.email-lowercased"])
        #expect(!diagnostics[0].message.contains("Kowalska"))
        #expect(diagnostics[0].message.contains("A***@Uni.Example.EU"))
    }

    @Test func warnsAboutSomethingThatIsNotAnEmailAddress() {
        let (_, diagnostics) = normalise(Credential(learner: Learner(email: "anna at uni")), stages: [EmailNormalisation()])
        #expect(diagnostics.map(\.code) == ["value.invalid-email"])
    }

    /// Generated addresses are warned about exactly when the plain definition says they are no
    /// address: one `@` with text before it, no space, a dot in the domain that neither begins
    /// nor ends it.
    @Test func warnsAboutImplausibleAddressesAsThePlainDefinitionSays() {
        func isPlausible(_ address: String) -> Bool {
            let bytes = Array(address.utf8)
            guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0, !bytes.contains(UInt8(ascii: " ")) else { return false }
            let domain = bytes[(at + 1)...]
            return !domain.contains(UInt8(ascii: "@")) && domain.contains(UInt8(ascii: ".")) && domain.first != UInt8(ascii: ".")
                && domain.last != UInt8(ascii: ".")
        }
        var random = SeededRandom(seed: 41)
        var warned = 0
        for _ in 0..<3000 {
            let address = (0..<Int.random(in: 1...9, using: &random)).map { _ in random.pick(["a", "B", "@", ".", " ", "é", "x.y"]) }.joined()
            let (credential, diagnostics) = normalise(Credential(learner: Learner(email: address)), stages: [EmailNormalisation()])
            guard let written = credential.learner.email else {
                #expect(address.trimmingCharacters(in: .whitespaces).isEmpty)
                continue
            }
            let isWarned = diagnostics.contains { $0.code == "value.invalid-email" }
            #expect(isWarned == !isPlausible(written), "\(address)")
            if isWarned { warned += 1 }
        }
        #expect(warned > 500 && warned < 2900)
    }

    /// Generated values are absolute IRIs exactly when the plain definition says so: a scheme
    /// (a letter, then letters, digits, `+`, `-`, `.`, in any script) before the first colon, and
    /// no space.
    @Test func tellsAbsoluteIRIsAsThePlainDefinitionSays() {
        func isAbsolute(_ value: String) -> Bool {
            guard let colon = value.firstIndex(of: ":"), colon != value.startIndex, !value.contains(" ") else { return false }
            let scheme = value[..<colon]
            return scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
        }
        var random = SeededRandom(seed: 43)
        var absolute = 0
        for _ in 0..<4000 {
            let value = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                random.pick(["a", "Z", "1", "+", ".", "-", ":", " ", "é", "/", "%", "https", "://example.org/path"])
            }.joined()
            let expected = isAbsolute(value)
            #expect(LinkNormalisation.isAbsoluteIRI(value) == expected, "\(value)")
            if expected { absolute += 1 }
        }
        #expect(absolute > 150)
    }

    @Test func derivesTheSameIdFromTheSameSourceIds() {
        let credential = Credential(learner: Learner(fullName: "Anna", studentIds: [Identifier("S1")]), achievement: Achievement(title: "Course"))
        let first = normalise(credential).0.id
        #expect(first == normalise(credential).0.id)
        #expect(first?.hasPrefix("urn:uuid:") == true)
        var other = credential
        other.learner.studentIds = [Identifier("S2")]
        #expect(normalise(other).0.id != first)
    }

    @Test func normalisingTwiceChangesNothing() {
        var generator = CredentialGenerator(seed: 99)
        for _ in 0..<300 {
            let (once, _) = normalise(generator.next())
            let (twice, notes) = normalise(once)
            #expect(twice == once)
            #expect(notes.allSatisfy { $0.severity != .note })
        }
    }
}

@Suite struct TextCleaningPropertyTests {
    /// The plain definition: NFC, then white space collapsed and trimmed, control and format
    /// characters (but the zero-width joiner) dropped.
    static func reference(_ value: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in value.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            let category = scalar.properties.generalCategory
            if category == .control || (category == .format && scalar.value != 0x200D) { continue }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Every scalar taken as a plain letter (and so spared the property lookups) is indeed no
    /// white space, control, format or combining character, NFC leaves it as it is, and it is no
    /// later part of any canonical decomposition (so it never composes with the character before).
    @Test func plainLettersNeedNoCleaning() {
        var followers: Set<UInt32> = []
        for value in UInt32(0xC0)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            followers.formUnion(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.dropFirst().map(\.value))
        }
        #expect(followers.contains(0x0301) && followers.contains(0x1161) && followers.contains(0x093C))
        var checked = 0
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), TextNormalisation.isPlainLetter(scalar) else { continue }
            let properties = scalar.properties
            #expect(!properties.isWhitespace, "U+\(String(value, radix: 16))")
            #expect(
                ![.control, .format, .nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory),
                "U+\(String(value, radix: 16))")
            #expect(properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
            #expect(String(scalar).precomposedStringWithCanonicalMapping == String(scalar), "U+\(String(value, radix: 16))")
            #expect(!followers.contains(value), "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 30_000)
    }

    /// ASCII text read eight bytes at a time is clean exactly when the plain definition says so:
    /// printable bytes, no space first or last, no two spaces together (also across words).
    @Test func cleanASCIIAgreesWithThePlainDefinition() {
        var random = SeededRandom(seed: 23)
        let pieces = ["a", "Zq", " ", "  ", "~", "\u{7F}", "\t", "plain words", "\u{1F}", "é", "1234567"]
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in random.pick(pieces) }.joined()
            let bytes = Array(text.utf8)
            let plain = !bytes.isEmpty && bytes.first != 0x20 && bytes.last != 0x20
                && bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E } && !text.contains("  ")
            #expect(bytes.withUnsafeBufferPointer(TextNormalisation.isCleanASCII) == plain, "\(text.debugDescription)")
        }
    }

    @Test func agreesWithThePlainDefinitionOnGeneratedText() {
        var random = SeededRandom(seed: 17)
        let pieces = ["a", "Z", " ", "  ", "\t", "\n", "\u{00A0}", "e\u{0301}", "é", "Å", "\u{212B}", "\u{1100}\u{1161}", "한", "\u{200B}",
                      "\u{200D}", "\u{0007}", "Ω", "\u{2126}", "日本", "🎓", "ﬁ", "–", "\u{00AD}", "Ж", "\u{0483}", "ά", "\u{11A8}", "ß",
                      "~", "!", "\u{007F}", "\u{001F}", "\r", "שלום", "\u{05B8}", "سلام", "\u{0654}", "नमस्ते", "\u{093C}", "ქართ", "Հայ",
                      "ไทย", "\u{0E31}", "かな", "\u{3099}", "カナ", "\u{FEFF}"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...7, using: &random)).map { _ in random.pick(pieces) }.joined()
            #expect(TextNormalisation.cleanLine(text) == Self.reference(text), "\(Array(text.unicodeScalars))")
        }
    }
}
