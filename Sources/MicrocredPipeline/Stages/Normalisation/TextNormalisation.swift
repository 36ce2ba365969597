import Foundation
public import MicrocredModel

/// `text`: trims surrounding white space from names and titles, collapses runs of spaces, removes
/// control characters and brings text to Unicode NFC. Spelling only: no notes.
public struct TextNormalisation: NormalisationStage {
    public init() {}
    public var name: String { "text" }

    public func normalise(_ credential: inout Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        credential.title = credential.title.map(Self.clean)
        credential.learner.fullName = credential.learner.fullName.map(Self.cleanLine)
        credential.learner.givenNames = credential.learner.givenNames.map(Self.cleanLine)
        credential.learner.familyName = credential.learner.familyName.map(Self.cleanLine)
        credential.achievement.title = credential.achievement.title.map(Self.clean)
        for index in credential.achievement.learningOutcomes.indices {
            credential.achievement.learningOutcomes[index].text = Self.clean(credential.achievement.learningOutcomes[index].text)
        }
        for index in credential.awardingBodies.indices {
            credential.awardingBodies[index].name = Self.clean(credential.awardingBodies[index].name)
        }
        if var issuer = credential.issuer {
            issuer.name = Self.clean(issuer.name)
            credential.issuer = issuer
        }
    }

    /// Each language version cleaned as one line.
    static func clean(_ text: LocalizedText) -> LocalizedText {
        LocalizedText(entries: text.entries.map { LocalizedText.Entry(language: $0.language, value: cleanLine($0.value)) })
    }

    /// `value` trimmed, with white-space runs collapsed to one space, control characters removed
    /// and composed to NFC.
    public static func cleanLine(_ value: String) -> String {
        var needsWork = false
        var previousSpace = true
        for scalar in value.unicodeScalars {
            let isSpace = scalar == " "
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace && !isSpace
                || (isSpace && previousSpace) || scalar.value >= 0x80
            {
                needsWork = true
                break
            }
            previousSpace = isSpace
        }
        if !needsWork, value.last != " " { return value }
        var result = ""
        result.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        var pendingSpace = false
        for scalar in value.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format && scalar.value != 0x200D {
                continue
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
