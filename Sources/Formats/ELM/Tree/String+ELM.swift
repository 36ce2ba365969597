/// Text helpers for values read from and written to credential documents.
extension StringProtocol {
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
