import ByteOutput
import Foundation
public import MicrocredModel

/// `text`: trims surrounding white space from names and titles, collapses runs of spaces, removes
/// control characters and brings text to Unicode NFC. Spelling only: no notes.
public struct TextNormalisation: NormalisationStage {
    public init() {}
    public var name: String { "text" }

    public func normalise(_ credential: inout Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        // A text is set only when cleaning changes it: most are clean already, and setting one
        // anyway would make a new list of language versions for nothing.
        if let title = credential.title, let cleaned = Self.cleaned(title) { credential.title = cleaned }
        if let name = credential.learner.fullName, let cleaned = Self.cleanedLine(name) { credential.learner.fullName = cleaned }
        if let names = credential.learner.givenNames, let cleaned = Self.cleanedLine(names) { credential.learner.givenNames = cleaned }
        if let name = credential.learner.familyName, let cleaned = Self.cleanedLine(name) { credential.learner.familyName = cleaned }
        if let title = credential.achievement.title, let cleaned = Self.cleaned(title) { credential.achievement.title = cleaned }
        for index in credential.achievement.learningOutcomes.indices {
            if let cleaned = Self.cleaned(credential.achievement.learningOutcomes[index].text) {
                credential.achievement.learningOutcomes[index].text = cleaned
            }
        }
        for index in credential.awardingBodies.indices {
            if let cleaned = Self.cleaned(credential.awardingBodies[index].name) { credential.awardingBodies[index].name = cleaned }
        }
        if let name = credential.issuer?.name, let cleaned = Self.cleaned(name) { credential.issuer?.name = cleaned }
    }

    /// Each language version cleaned as one line, or `nil` when every one is clean already.
    static func cleaned(_ text: LocalizedText) -> LocalizedText? {
        var result = text
        var changed = false
        for index in text.entries.indices {
            if let line = cleanedLine(text.entries[index].value) {
                result.entries[index].value = line
                changed = true
            }
        }
        return changed ? result : nil
    }

    /// `value` cleaned as one line, or `nil` when it is clean already.
    static func cleanedLine(_ value: String) -> String? {
        let clean = cleanLine(value)
        return clean == value ? nil : clean
    }

    /// `value` trimmed, with white-space runs collapsed to one space, control characters removed
    /// and composed to NFC.
    public static func cleanLine(_ value: String) -> String {
        if value.utf8.withContiguousStorageIfAvailable(isCleanASCII) == true { return value }
        var clean = true
        var needsComposition = false
        var previousSpace = true
        for scalar in value.unicodeScalars {
            let code = scalar.value
            if code < 0x80 {
                let isSpace = code == 0x20
                if code < 0x20 || code == 0x7F || (isSpace && previousSpace) {
                    clean = false
                    break
                }
                previousSpace = isSpace
                continue
            }
            previousSpace = false
            if Self.isPlainLetter(scalar) { continue }
            let properties = scalar.properties
            if properties.isWhitespace || properties.generalCategory == .control || properties.generalCategory == .format {
                clean = false
                break
            }
            if Self.mayChangeUnderNFC(scalar) {
                needsComposition = true
                clean = false
                break
            }
        }
        if clean, !previousSpace || value.isEmpty { return value }
        let source = needsComposition || !clean ? value.precomposedStringWithCanonicalMapping : value
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in source.unicodeScalars {
            if scalar.isWhiteSpace {
                pendingSpace = !result.isEmpty
                continue
            }
            if scalar.value < 0x80 {
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
            } else {
                let category = scalar.properties.generalCategory
                if category == .control || (category == .format && scalar.value != 0x200D) { continue }
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Whether `bytes` are ASCII text that is already clean: printable characters and single
    /// spaces between words. (Most names and titles are; they are answered here eight bytes at a
    /// time instead of a scalar at a time.)
    static func isCleanASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20
        else { return false }
        var index = 0
        /// The mark of a space in the lowest lane when the byte before the current word is one.
        var spaceBefore: UInt64 = 0
        while bytes.count - index >= 8 {
            let word = ByteClassScan.word(at: base + index)
            let unprintable =
                ByteClassScan.lanes(below: 0x20, in: word) | ByteClassScan.lanes(equalTo: 0x7F, in: word)
                | ByteClassScan.nonASCIILanes(in: word)
            let spaces = ByteClassScan.exactLanes(equalTo: 0x20, in: word)
            if unprintable != 0 || spaces & (spaces << 8 | spaceBefore) != 0 { return false }
            spaceBefore = spaces >> 56
            index += 8
        }
        var previousSpace = spaceBefore != 0
        while index < bytes.count {
            let byte = base[index]
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                if byte < 0x21 || byte > 0x7E { return false }
                previousSpace = false
            }
            index += 1
        }
        return true
    }

    /// Whether `scalar` lies in a block of letters without white space, control, format or
    /// combining characters that NFC leaves as they are and that never compose with the character
    /// before them (Latin-1 and Latin Extended, Greek, Cyrillic, Armenian, Hebrew, Arabic,
    /// Devanagari, Thai and Georgian letters, kana, CJK ideographs, Hangul syllables), so that it
    /// needs no property lookups.
    static func isPlainLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA1...0xAC, 0xAE...0x2FF, 0x388...0x482, 0x48A...0x52F, 0x531...0x556, 0x561...0x587, 0x5D0...0x5EA,
            0x620...0x64A, 0x904...0x939, 0xE01...0xE30, 0x10D0...0x10FA, 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF,
            0xAC00...0xD7A3:
            true
        default: false
        }
    }

    /// Whether NFC could change `scalar` or the scalar before it: combining marks, Hangul jamo,
    /// and the blocks holding singleton decompositions (Greek, letterlike symbols, CJK
    /// compatibility). Text with none of these is already in NFC.
    static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x0340...0x0344, 0x0374, 0x037E, 0x0387, 0x1100...0x11FF, 0x1F00...0x1FFF, 0x2000...0x2FFF,
            0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }
}
