/// The encodings ``XMLPullReader`` converts to UTF-8 itself before libxml2 reads the document, and
/// how it tells them from a document's first bytes (a byte order mark, the XML declaration), as
/// XML 1.0 appendix F describes.
///
/// libxml2 converts a whole slice of its input before parsing any of it, so where it reports
/// bytes that are not valid in the encoding, and which events come before, would depend on where
/// the input's chunks happen to end. Converted here, the document reads the same however it
/// arrives: the events before the bad byte, then the error at its line and column.
///
/// UTF-8 is read as it is. So is any encoding not named here (UTF-32, Shift_JIS, EBCDIC…), which
/// libxml2 converts as before.
enum XMLSourceEncoding: Equatable, Sendable {
    /// UTF-16 in the byte order given; `byteOrderMark` when the document begins with one (which is
    /// not part of the text).
    case utf16(bigEndian: Bool, byteOrderMark: Bool)
    /// A single-byte encoding.
    case singleByte(XMLSingleByteCharset)

    /// The most bytes looked at for the XML declaration: one that does not end within them is left
    /// to libxml2 to read.
    static let declarationLimit = 1024

    /// What the first bytes of a document say.
    enum Detection: Equatable {
        /// Read the document as it is: UTF-8, or an encoding libxml2 converts itself.
        case asIs
        /// Read the document as UTF-8, which its byte order mark says it is, although its XML
        /// declaration names this other encoding (which libxml2 would apply).
        case utf8Declaring(String)
        /// Convert the document from this encoding; the encoding its XML declaration names when
        /// that is another one.
        case convert(XMLSourceEncoding, declaring: String?)
        /// More bytes are needed to tell.
        case needMore
    }

    /// What `prefix`, the first bytes of a document, say of its encoding; `atEnd` when the
    /// document has no more bytes.
    static func detect(_ prefix: ArraySlice<UInt8>, atEnd: Bool) -> Detection {
        guard prefix.count >= 4 || atEnd else { return .needMore }
        func starts(with pattern: [UInt8]) -> Bool { prefix.starts(with: pattern) }
        // UTF-32 in either order (its byte order marks begin as UTF-16's do) is libxml2's.
        if starts(with: [0xFF, 0xFE, 0x00, 0x00]) || starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .asIs }
        let utf16: XMLSourceEncoding? =
            if starts(with: [0xFF, 0xFE]) { .utf16(bigEndian: false, byteOrderMark: true) }
            else if starts(with: [0xFE, 0xFF]) { .utf16(bigEndian: true, byteOrderMark: true) }
            else if starts(with: [0x3C, 0x00, 0x3F, 0x00]) { .utf16(bigEndian: false, byteOrderMark: false) }
            else if starts(with: [0x00, 0x3C, 0x00, 0x3F]) { .utf16(bigEndian: true, byteOrderMark: false) }
            else { nil }
        if let utf16, case .utf16(let bigEndian, let byteOrderMark) = utf16 {
            let (text, isWhole) = asciiOfUTF16(prefix.dropFirst(byteOrderMark ? 2 : 0), bigEndian: bigEndian)
            guard let declaration = declaration(in: text[...], atEnd: atEnd || !isWhole) else { return .needMore }
            let declared = declaration.flatMap(declaredEncoding)
            let isUTF16 = declared.map { ["utf-16", "utf16", "utf-16le", "utf-16be"].contains($0.lowercased()) } ?? true
            return .convert(utf16, declaring: isUTF16 ? nil : declared)
        }
        let byteOrderMark = starts(with: [0xEF, 0xBB, 0xBF])
        guard let declaration = declaration(in: prefix.dropFirst(byteOrderMark ? 3 : 0), atEnd: atEnd) else { return .needMore }
        guard let name = declaration.flatMap(declaredEncoding) else { return .asIs }
        if byteOrderMark { return ["utf-8", "utf8"].contains(name.lowercased()) ? .asIs : .utf8Declaring(name) }
        guard let charset = XMLSingleByteCharset(named: name) else { return .asIs }
        return .convert(.singleByte(charset), declaring: nil)
    }

    /// The XML declaration `text` begins with, up to its `?>`; `.some(nil)` when it begins with
    /// none (or one too long to look at), `nil` when more bytes are needed to tell.
    private static func declaration(in text: ArraySlice<UInt8>, atEnd: Bool) -> ArraySlice<UInt8>?? {
        let opening = Array("<?xml".utf8)
        guard text.count > opening.count else { return atEnd || !opening.starts(with: text) ? .some(nil) : nil }
        guard text.starts(with: opening), text[text.startIndex + opening.count].isXMLWhitespace else { return .some(nil) }
        let window = text.prefix(declarationLimit)
        guard let end = window.firstRange(of: Array("?>".utf8))?.lowerBound else {
            return window.count < declarationLimit && !atEnd ? nil : .some(nil)
        }
        return window[..<end]
    }

    /// The ASCII characters UTF-16 `bytes` begin with, up to the first character beyond ASCII;
    /// `isWhole` when there is none (the text may go on in bytes still to come).
    private static func asciiOfUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> (text: [UInt8], isWhole: Bool) {
        var text: [UInt8] = []
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            guard high == 0, low < 0x80 else { return (text, false) }
            text.append(low)
            index += 2
        }
        return (text, true)
    }

    /// The value of the `encoding` pseudo-attribute in `declaration` (the XML declaration up to
    /// its `?>`, read as the element cutter reads a start tag), or `nil` when it has none that
    /// can be read.
    private static func declaredEncoding(in declaration: ArraySlice<UInt8>) -> String? {
        guard let tag = XMLElementCutter.StartTag(declaration),
            let encoding = tag.attributes.first(where: { $0.name.elementsEqual("encoding".utf8) })
        else { return nil }
        return String(decoding: encoding.value, as: UTF8.self)
    }

    /// The name of the encoding in messages.
    var name: String {
        switch self {
        case .utf16: "UTF-16"
        case .singleByte(let charset): charset.name
        }
    }

    /// What tells the encoding: the byte order mark, the first bytes (`<?` in UTF-16), or the XML
    /// declaration.
    var evidence: String {
        switch self {
        case .utf16(_, let byteOrderMark): byteOrderMark ? "byte order mark" : "first bytes"
        case .singleByte: "XML declaration"
        }
    }

    /// The warning for a document read in `encoding`, which its first bytes tell, whose XML
    /// declaration names another encoding (`declared`).
    static func conflict(reading encoding: String, toldBy evidence: String, declared: String) -> XMLIssue {
        XMLIssue(
            code: XMLIssue.Code.encoding,
            message: "the document is read as \(encoding), which its \(evidence) says it is, although its XML declaration names '\(declared)'",
            hint: "correct the encoding in the XML declaration", line: 1, column: 1, severity: .warning)
    }
}
