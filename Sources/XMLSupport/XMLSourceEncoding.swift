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
        /// Convert the document from this encoding.
        case convert(XMLSourceEncoding)
        /// More bytes are needed to tell.
        case needMore
    }

    /// What `prefix`, the first bytes of a document, say of its encoding; `atEnd` when the
    /// document has no more bytes.
    static func detect(_ prefix: ArraySlice<UInt8>, atEnd: Bool) -> Detection {
        let bytes = Array(prefix.prefix(4))
        guard bytes.count == 4 || atEnd else { return .needMore }
        func starts(with pattern: [UInt8]) -> Bool { bytes.starts(with: pattern) }
        // UTF-32 in either order (its byte order marks begin as UTF-16's do) is libxml2's.
        if starts(with: [0xFF, 0xFE, 0x00, 0x00]) || starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .asIs }
        if starts(with: [0xFF, 0xFE]) { return .convert(.utf16(bigEndian: false, byteOrderMark: true)) }
        if starts(with: [0xFE, 0xFF]) { return .convert(.utf16(bigEndian: true, byteOrderMark: true)) }
        if starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return .convert(.utf16(bigEndian: false, byteOrderMark: false)) }
        if starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return .convert(.utf16(bigEndian: true, byteOrderMark: false)) }
        guard starts(with: Array("<?xm".utf8)) else { return .asIs }
        let window = prefix.prefix(declarationLimit)
        guard let end = window.firstRange(of: Array("?>".utf8))?.lowerBound else {
            return window.count < declarationLimit && !atEnd ? .needMore : .asIs
        }
        guard let name = declaredEncoding(in: window[..<end]), let charset = XMLSingleByteCharset(named: name) else { return .asIs }
        return .convert(.singleByte(charset))
    }

    /// The value of the `encoding` pseudo-attribute in `declaration` (the XML declaration up to
    /// its `?>`), or `nil` when it has none that can be read.
    private static func declaredEncoding(in declaration: ArraySlice<UInt8>) -> String? {
        let bytes = Array(declaration)
        let name = Array("encoding".utf8)
        var index = 0
        while let found = bytes[index...].firstRange(of: name) {
            index = found.upperBound
            guard found.lowerBound > 0, isSpace(bytes[found.lowerBound - 1]) else { continue }
            var cursor = found.upperBound
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[cursor]
            guard let close = bytes[(cursor + 1)...].firstIndex(of: quote) else { return nil }
            return String(decoding: bytes[(cursor + 1)..<close], as: UTF8.self)
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The name of the encoding in messages.
    var name: String {
        switch self {
        case .utf16: "UTF-16"
        case .singleByte(let charset): charset.name
        }
    }
}
