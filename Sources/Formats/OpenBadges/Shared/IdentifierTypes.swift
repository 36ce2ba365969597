/// The OB 3.0 identifier-type vocabulary (`identifierType` of IdentifierEntry, `identityType` of
/// IdentityObject) and how model identifier schemes map to it.
///
/// A model scheme that is a vocabulary value is written as is; another scheme made of letters,
/// digits, `.`, `-` and `_` is written as an extension value `ext:<scheme>`; an identifier with
/// no scheme is written as `identifier`. Reading reverses this.
enum IdentifierTypes {
    /// The values OB 3.0 defines.
    static let defined: Set<String> = [
        "name", "sourcedId", "systemId", "productId", "userName", "accountId", "emailAddress", "nationalIdentityNumber",
        "isbn", "issn", "lisSourcedId", "oneRosterSourcedId", "sisSourcedId", "ltiContextId", "ltiDeploymentId",
        "ltiToolId", "ltiPlatformId", "ltiUserId", "identifier",
    ]

    /// The generic value for an identifier with no scheme.
    static let generic = "identifier"

    /// The OB 3.0 value for a model scheme, or `nil` when the scheme cannot be written as one.
    static func type(forScheme scheme: String?) -> String? {
        guard let scheme else { return generic }
        if defined.contains(scheme), scheme != generic { return scheme }
        guard isExtensionName(scheme) else { return nil }
        return "ext:" + scheme
    }

    /// The model scheme for an OB 3.0 value (`ext:` removed, `identifier` meaning none).
    static func scheme(forType type: String) -> String? {
        if type == generic { return nil }
        if type.hasPrefix("ext:") { return String(type.dropFirst(4)) }
        return type
    }

    /// Whether `name` may follow `ext:` in an extension value.
    static func isExtensionName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// `value` as an extension name: characters outside the allowed set replaced by `_`.
    static func extensionName(from value: String) -> String {
        let mapped = value.unicodeScalars.map { scalar -> Character in
            let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar))
            return ok ? Character(scalar) : "_"
        }
        return mapped.isEmpty ? "_" : String(mapped)
    }
}
