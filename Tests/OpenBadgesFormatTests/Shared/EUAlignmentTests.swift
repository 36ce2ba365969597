import MicrocredModel
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// The EU alignments: which ISCED-F codes get a native alignment, the EQF alignments, and the
/// criteria narrative derived from learning outcomes.
struct EUAlignmentTests {
    /// Codes of every shape near the valid one: lengths 0–6, ASCII digits, letters, white space,
    /// and digits of other scripts (which `Int` and `Character.isNumber` would take).
    static func codes(count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        let pieces: [String] = ["0", "4", "9", "a", " ", "٣", "１", "-", "05"]
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...6, using: &random)).map { _ in random.chance(0.8) ? String(Int.random(in: 0...9, using: &random)) : random.pick(pieces) }
                .joined()
        }
    }

    /// Two to four ASCII digits, spelled out independently of the code under test.
    static func isTwoToFourDigits(_ code: String) -> Bool {
        (2...4).contains(code.count) && code.allSatisfy { "0123456789".contains($0) }
    }

    @Test
    func aFieldCodeIsTwoToFourDigitsAndWhatItsAlignmentURLIsRecognisedBy() {
        for code in Self.codes(count: 2_000, seed: 7) {
            #expect(EUAlignment.isFieldCode(code) == Self.isTwoToFourDigits(code), "\(code.debugDescription)")
            let recognised = EUAlignment.kind(ofTargetURL: EUAlignment.iscedPrefix + code) == .isced(code)
            #expect(recognised == Self.isTwoToFourDigits(code), "\(code.debugDescription)")
        }
    }

    @Test
    func fieldCodesAreNativeAlignmentsAndOtherCodesGoToTheExtension() {
        for (index, codes) in Self.codes(count: 3_000, seed: 11).chunked(into: 3).enumerated() {
            let layout = AlignmentLayout.layout(Achievement(iscedFields: codes))
            let native = codes.filter(Self.isTwoToFourDigits)
            #expect(layout.native.map(\.targetCode) == native, "case \(index): \(codes)")
            #expect(layout.native.map(\.targetUrl) == native.map { EUAlignment.iscedPrefix + $0 })
            let extensionCodes = layout.extensionMembers.first { $0.key == MicrocredExtension.Term.thematicArea }?.value
            #expect(extensionCodes == (native.count == codes.count ? nil : .array(codes.map { .string($0) })), "case \(index): \(codes)")
        }
    }

    @Test(arguments: 1...8)
    func eachEQFLevelHasItsAlignment(_ level: Int) {
        let alignment = EUAlignment.eqf(level)
        #expect(alignment.targetName == "EQF level \(level)")
        #expect(alignment.targetUrl == "http://data.europa.eu/snb/eqf/\(level)")
        #expect(alignment.targetCode == String(level))
        #expect(alignment.targetFramework == EUAlignment.eqfFramework)
        #expect(EUAlignment.kind(ofTargetURL: alignment.targetUrl) == .eqf(level))
    }

    @Test
    func derivedCriteriaListTheOutcomesWithText() {
        let outcomes = [
            LearningOutcome(text: LocalizedText("Explain A")), LearningOutcome(text: LocalizedText(entries: [])),
            LearningOutcome(text: LocalizedText("")), LearningOutcome(text: LocalizedText("Apply B")),
        ]
        let listed = Achievement(description: LocalizedText("About"), learningOutcomes: outcomes)
        #expect(OB3RenderState.derivedCriteria(listed, name: "Course") == "- Explain A\n- \n- Apply B")
        let withoutText = Achievement(description: LocalizedText("About"), learningOutcomes: [outcomes[1]])
        #expect(OB3RenderState.derivedCriteria(withoutText, name: "Course") == "About")
        #expect(OB3RenderState.derivedCriteria(Achievement(), name: "Course") == "Course")
    }
}

extension Array {
    fileprivate func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
