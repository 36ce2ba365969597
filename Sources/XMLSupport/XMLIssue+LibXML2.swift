internal import CLibXML2

extension XMLIssue {
    /// Translates one libxml2 error into an issue with a stable code and a tidy message.
    ///
    /// The error's strings are copied; the issue keeps no pointer into libxml2.
    init(libxml2 error: xmlError) {
        let details = LibXML2ErrorDetails(error)
        let (message, hint) = details.messageAndHint
        self.init(
            code: details.code,
            message: message,
            hint: hint,
            line: error.line > 0 ? Int(error.line) : nil,
            column: error.int2 > 0 ? Int(error.int2) : nil,
            severity: error.level == XML_ERR_WARNING ? .warning : .error
        )
    }
}

/// The parts of a libxml2 error this module uses, copied into Swift values.
private struct LibXML2ErrorDetails {
    let domain: xmlErrorDomain
    let number: xmlParserErrors
    let isWarning: Bool
    let rawMessage: String
    let string1: String?
    let string2: String?
    let string3: String?
    let integer1: Int

    init(_ error: xmlError) {
        domain = xmlErrorDomain(rawValue: UInt32(bitPattern: error.domain))
        number = xmlParserErrors(rawValue: UInt32(bitPattern: error.code))
        isWarning = error.level == XML_ERR_WARNING
        rawMessage = error.message.map { String(cString: $0) } ?? ""
        string1 = error.str1.map { String(cString: $0) }
        string2 = error.str2.map { String(cString: $0) }
        string3 = error.str3.map { String(cString: $0) }
        integer1 = Int(error.int1)
    }

    private var isNotUTF8: Bool { rawMessage.hasPrefix("Input is not proper UTF-8") }

    /// The stable code for this error.
    var code: String {
        switch domain {
        case XML_FROM_SCHEMASV: return isWarning ? XMLIssue.Code.warning : XMLIssue.Code.schemaViolation
        case XML_FROM_SCHEMASP: return isWarning ? XMLIssue.Code.warning : XMLIssue.Code.invalidSchema
        case XML_FROM_I18N: return XMLIssue.Code.encoding
        case XML_FROM_IO:
            return number.rawValue == XML_IO_ENCODER.rawValue ? XMLIssue.Code.encoding : XMLIssue.Code.unreadable
        case XML_FROM_NAMESPACE:
            switch number {
            case XML_NS_ERR_UNDEFINED_NAMESPACE: return XMLIssue.Code.undeclaredPrefix
            case XML_NS_ERR_ATTRIBUTE_REDEFINED: return XMLIssue.Code.duplicateAttribute
            default: return XMLIssue.Code.namespace
            }
        default:
            break
        }
        switch number {
        case XML_ERR_DOCUMENT_EMPTY:
            return XMLIssue.Code.emptyDocument
        case XML_ERR_INVALID_CHAR:
            return isNotUTF8 ? XMLIssue.Code.encoding : XMLIssue.Code.invalidCharacter
        case XML_ERR_INVALID_HEX_CHARREF, XML_ERR_INVALID_DEC_CHARREF, XML_ERR_INVALID_CHARREF:
            return XMLIssue.Code.invalidCharacter
        case XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNSUPPORTED_ENCODING, XML_ERR_ENCODING_NAME, XML_ERR_INVALID_ENCODING:
            return XMLIssue.Code.encoding
        case XML_ERR_ATTRIBUTE_REDEFINED:
            return XMLIssue.Code.duplicateAttribute
        case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY:
            return XMLIssue.Code.undeclaredEntity
        case XML_ERR_ENTITY_LOOP:
            return XMLIssue.Code.entityExpansion
        case XML_ERR_NAME_TOO_LONG, XML_ERR_INTERNAL_ERROR:
            return XMLIssue.Code.limitExceeded
        case XML_ERR_NO_MEMORY:
            return XMLIssue.Code.internal
        default:
            return isWarning ? XMLIssue.Code.warning : XMLIssue.Code.malformed
        }
    }

    /// The message in this module's style, and a hint where there is an obvious fix.
    var messageAndHint: (String, String?) {
        switch (domain, number) {
        case (XML_FROM_NAMESPACE, XML_NS_ERR_UNDEFINED_NAMESPACE):
            if let prefix = string1, let name = string2 {
                let subject =
                    string3.map { "attribute '\(prefix):\(name)' of element '\($0)'" } ?? "element '\(prefix):\(name)'"
                return (
                    "namespace prefix '\(prefix)' of \(subject) is not declared",
                    "declare it with xmlns:\(prefix)=\"…\" on this element or an ancestor"
                )
            }
        case (XML_FROM_NAMESPACE, XML_NS_ERR_ATTRIBUTE_REDEFINED):
            if let name = string1, let namespace = string2 {
                return ("attribute '\(name)' in namespace '\(namespace)' appears twice", nil)
            }
        case (XML_FROM_I18N, _), (XML_FROM_IO, XML_IO_ENCODER):
            return (
                "input is not valid in its declared encoding" + Self.bytes(in: rawMessage),
                "declare the encoding the file is really saved in, or save it as UTF-8"
            )
        default:
            break
        }
        switch number {
        case XML_ERR_TAG_NAME_MISMATCH where string1 != nil && string2 != nil:
            return ("end tag '\(string2 ?? "")' does not match start tag '\(string1 ?? "")' from line \(integer1)", nil)
        case XML_ERR_INVALID_CHAR where isNotUTF8:
            return (
                "input is not valid UTF-8" + Self.bytes(in: string1 ?? rawMessage),
                "save the file as UTF-8, or declare its real encoding in the XML declaration"
            )
        case XML_ERR_INVALID_CHAR where integer1 > 0:
            return ("character \(XMLIssue.codePointName(UInt32(clamping: integer1))) is not allowed in XML", nil)
        case XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNSUPPORTED_ENCODING:
            if let name = string1 {
                return ("unsupported encoding '\(name)'", "save the file as UTF-8 and declare encoding=\"UTF-8\"")
            }
        case XML_ERR_ATTRIBUTE_REDEFINED:
            if let name = string1 { return ("attribute '\(name)' appears twice", nil) }
        case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY:
            if let name = string1 {
                return (
                    "entity '\(name)' is not declared",
                    "only &lt; &gt; &amp; &apos; &quot; and character references such as &#233; are allowed"
                )
            }
        default:
            break
        }
        return (Self.tidy(rawMessage), nil)
    }

    /// ` (bytes 0xE9 0x20)` from a libxml2 text that lists bytes ("Bytes: 0xE9 0x20"), or "".
    private static func bytes(in text: String) -> String {
        let list = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == ":" })
            .filter { $0.hasPrefix("0x") }
        return list.isEmpty ? "" : " (bytes " + list.joined(separator: " ") + ")"
    }

    /// `line` without leading and trailing white space.
    private static func trimmed(_ line: Substring) -> Substring {
        guard let first = line.firstIndex(where: { !$0.isWhitespace }),
            let last = line.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return line[first...last]
    }

    /// A libxml2 message in this module's style: one line, no leading function or production name
    /// ("StartTag: "), sentences joined with "; ", lowercase where the word allows, no final period.
    static func tidy(_ message: String) -> String {
        var text = message.split(whereSeparator: \.isNewline).map(trimmed).filter { !$0.isEmpty }
            .joined(separator: " ")
        if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy({ $0.isLetter }),
            text.index(after: colon) < text.endIndex, text[text.index(after: colon)] == " "
        {
            text = String(text[text.index(colon, offsetBy: 2)...])
        }
        while let last = text.last, last == "." || last == "!" || last == " " { text.removeLast() }
        text = text.replacing(". ", with: "; ")
        var characters = Array(text)
        for index in characters.indices {
            let startsClause =
                index == 0
                || (index >= 2 && characters[index - 1] == " " && [";", ":"].contains(characters[index - 2]))
            guard startsClause, characters[index].isUppercase, index + 1 < characters.count,
                characters[index + 1].isLowercase
            else { continue }
            characters[index] = Character(characters[index].lowercased())
        }
        return String(characters)
    }
}
