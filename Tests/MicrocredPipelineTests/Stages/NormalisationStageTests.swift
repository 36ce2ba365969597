import MicrocredModel
import MicrocredPipeline
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
