/// Text helpers for values read from and written to credential documents.
extension String.UTF8View {
    /// Whether the bytes begin with those of the lowercase `prefix`, ASCII letters matched in
    /// either case.
    func startsWithIgnoringASCIICase(_ prefix: String) -> Bool {
        count >= prefix.utf8.count
            && zip(self, prefix.utf8).allSatisfy { byte, wanted in
                (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte) == wanted
            }
    }
}

extension Character {
    /// Whether the character is one of `0`–`9`.
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Whether the string is an absolute `http` or `https` IRI: the scheme in any case, more than
    /// eight characters, no space.
    var isHTTPIRI: Bool {
        (utf8.startsWithIgnoringASCIICase("http://") || utf8.startsWithIgnoringASCIICase("https://")) && count > 8
            && !utf8.contains(UInt8(ascii: " "))
    }
}
