import XMLSupport

/// Images as `MediaObjectType` (an organisation's `logo`): the file type, base64 encoding and
/// content, converted to and from `data:` URIs.
enum ELMMediaObject {
    static let fileTypeScheme = "http://publications.europa.eu/resource/authority/file-type"
    static let encodingScheme = "http://data.europa.eu/snb/encoding/25831c2"
    static let base64Encoding = "http://data.europa.eu/snb/encoding/6146cde7dd"

    /// Media types and the EU file-type codes for them.
    static let fileTypes: [(mediaType: String, code: String)] = [
        ("image/png", "PNG"), ("image/jpeg", "JPEG"), ("image/gif", "GIF"), ("image/svg+xml", "SVG"),
        ("image/tiff", "TIFF"), ("image/bmp", "BMP"),
    ]

    /// The `data:` URI of a media object, when its file type is a known image type.
    static func dataURI(_ element: XMLRecordedTree.Element) -> String? {
        guard let typeIRI = element.child("contentType")?.trimmedAttribute("uri"),
            typeIRI.hasPrefix(fileTypeScheme + "/"),
            let mediaType = fileTypes.first(where: { $0.code == typeIRI.dropFirst(fileTypeScheme.count + 1) })?.mediaType,
            let content = element.child("content")?.text
        else { return nil }
        let compact = String(content.unicodeScalars.filter { !$0.properties.isWhitespace })
        guard !compact.isEmpty else { return nil }
        return "data:\(mediaType);base64,\(compact)"
    }

    /// Writes a media object named `local` for a base64 `data:` URI of a known image type;
    /// returns `false`, writing nothing, for any other URI.
    static func write<Output: XMLContentSink & ~Copyable>(_ local: String, dataURI: String, to output: inout Output) -> Bool {
        guard dataURI.hasPrefix("data:"), let comma = dataURI.firstIndex(of: ",") else { return false }
        let header = dataURI[dataURI.index(dataURI.startIndex, offsetBy: 5)..<comma]
        guard header.hasSuffix(";base64") else { return false }
        let mediaType = header.dropLast(";base64".count).lowercased()
        guard let code = fileTypes.first(where: { $0.mediaType == mediaType })?.code else { return false }
        let content = String(dataURI[dataURI.index(after: comma)...])
        guard !content.isEmpty, content.utf8.allSatisfy({ isBase64($0) }) else { return false }
        output.open(local)
        ELMCodes.write("contentType", ELMConcept(iri: "\(fileTypeScheme)/\(code)", label: code, scheme: fileTypeScheme), to: &output)
        ELMCodes.write("contentEncoding", ELMConcept(iri: base64Encoding, label: "base64", scheme: encodingScheme), to: &output)
        output.element("content", text: content)
        output.close()
        return true
    }

    private static func isBase64(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
            true
        default: false
        }
    }
}
