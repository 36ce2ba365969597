import Foundation

/// The keys under which vocabulary values are indexed and looked up.
///
/// `text(_:)` is kept identical to `text_key` in `Scripts/generate-vocab.py`, which uses it to
/// refuse aliases that would collide.
enum VocabularyKey {
    /// A case-insensitive key for codes: trimmed and lowercased.
    static func code(_ value: some StringProtocol) -> String {
        // ASCII text (nearly every code and IRI) is trimmed and lowercased from its stored bytes
        // straight into the new string's storage.
        let key = value.utf8.withContiguousStorageIfAvailable(asciiCode) ?? Array(value.utf8).withUnsafeBufferPointer(asciiCode)
        return key ?? value.trimmingWhitespace().lowercased()
    }

    /// `bytes` trimmed of ASCII white space and lowercased, or `nil` when they are not all ASCII.
    private static func asciiCode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0
        var end = bytes.count
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        var isASCII = true
        let key = String(unsafeUninitializedCapacity: end - start) { key in
            for index in start..<end {
                let byte = bytes[index]
                guard byte < 0x80 else {
                    isASCII = false
                    return 0
                }
                key[index - start] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            }
            return end - start
        }
        return isASCII ? key : nil
    }

    /// A key for IRIs: trimmed, without trailing slashes, `https` read as `http`, lowercased.
    static func iri(_ value: some StringProtocol) -> String {
        iri(codeKey: code(value))
    }

    /// The IRI key of a value whose code key is already known.
    static func iri(codeKey: String) -> String {
        var key = codeKey
        while key.hasSuffix("/") { key.removeLast() }
        if key.hasPrefix("https://") { key = "http://" + key.dropFirst("https://".count) }
        return key
    }

    /// A key for labels and aliases: lowercased, without diacritics, with hyphens, underscores
    /// and runs of whitespace read as one space, typographic apostrophes as `'`, and a few
    /// letters without a decomposition spelled out (`ł` as `l`, `ß` as `ss`, `ς` as `σ`).
    static func text(_ value: some StringProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for scalar in value.unicodeScalars {
            let folded: Substring.UTF8View
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                if isASCIISpace(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace {
                    out.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 32)
                case UInt8(ascii: "`"): out.append(UInt8(ascii: "'"))
                default: out.append(byte)
                }
                continue
            } else if let known = foldedScalars[scalar.value] {
                folded = known.utf8[...]
            } else {
                return slowText(value)
            }
            if folded.isEmpty { continue }
            if folded.elementsEqual(" ".utf8) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            out.append(contentsOf: folded)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text(_:)` for any script, through Foundation's canonical decomposition.
    private static func slowText(_ value: some StringProtocol) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in String(value).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            let folded = fold(decomposed: scalar)
            if folded.isEmpty { continue }
            if folded == " " {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(folded)
        }
        return out
    }

    /// What one scalar of a lowercased, decomposed string becomes in a text key: nothing for a
    /// combining mark, a space for whitespace and separators, otherwise the scalar or its
    /// spelling.
    private static func fold(decomposed scalar: Unicode.Scalar) -> String {
        if scalar.properties.generalCategory == .nonspacingMark { return "" }
        if scalar.isWhiteSpace || separators.contains(scalar) { return " " }
        if apostrophes.contains(scalar) { return "'" }
        if let replacement = transliterations[scalar] { return replacement }
        return String(scalar)
    }

    /// Text-key folds of the Latin, Greek and Cyrillic letters, combining marks and general
    /// punctuation, worked out once so that lookups in those scripts skip Foundation.
    private static let foldedScalars: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x80...0x24F, 0x2B0...0x36F, 0x370...0x52F, 0x1E00...0x1FFF, 0x2000...0x206F, 0x2212...0x2212]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                table[value] = String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
                    .map(fold(decomposed:)).joined()
            }
        }
        return table
    }()

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || (0x1C...0x1F).contains(byte)
    }

    private static let separators: Set<Unicode.Scalar> = [
        "-", "_", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}",
    ]

    private static let apostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{2018}", "\u{02BC}", "`"]

    private static let transliterations: [Unicode.Scalar: String] = [
        "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ς": "σ",
    ]
}
