/// Text helpers for values read from and written to credential documents.
extension StringProtocol {
    /// The text without leading and trailing white space.
    var trimmingWhitespace: String {
        let string = String(self)
        if let first = string.utf8.first, let last = string.utf8.last, Self.isPlainASCII(first), Self.isPlainASCII(last) {
            return string
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Whether a UTF-8 byte is an ASCII character other than white space.
    static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    /// Whether the text holds only XML white space (spaces, tabs, line breaks).
    var isWhitespaceOnly: Bool {
        utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}

extension Character {
    /// Whether the character is one of `0`–`9`.
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Whether the string is an absolute `http` or `https` IRI.
    var isHTTPIRI: Bool {
        let lower = lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && count > 8 && !contains(" ")
    }
}
