/// An element cut out of its document by ``XMLElementCutter``, with what the document's parser
/// knew where the element starts, so that it can be parsed on its own and read exactly as the
/// document's parser would have read it.
public struct XMLCutElement: Sendable {
    /// The element's bytes, from the `<` of its start tag to the `>` of its end tag.
    public var bytes: [UInt8]
    /// The document's name, for errors.
    public var documentName: String
    /// The line of the element's `<` in the document.
    public var line: Int
    /// The column of the element's `<` in the document, counted as the document's parser counts.
    public var column: Int
    /// The namespace declarations on each of the element's ancestors, outermost first.
    public var ancestorDeclarations: [[XMLNamespaceDeclaration]]

    /// Creates a cut element: its bytes, its document's name, its position, and its ancestors'
    /// namespace declarations, outermost first.
    public init(bytes: [UInt8], documentName: String, line: Int, column: Int, ancestorDeclarations: [[XMLNamespaceDeclaration]]) {
        self.bytes = bytes
        self.documentName = documentName
        self.line = line
        self.column = column
        self.ancestorDeclarations = ancestorDeclarations
    }

    /// A start tag for each ancestor, carrying its namespace declarations.
    var ancestorTags: [UInt8] {
        var tags: [UInt8] = []
        for declarations in ancestorDeclarations {
            tags.append(contentsOf: "<x".utf8)
            for declaration in declarations {
                tags.append(contentsOf: " xmlns".utf8)
                if let prefix = declaration.prefix { tags.append(contentsOf: ":\(prefix)".utf8) }
                tags.append(contentsOf: "=\"".utf8)
                for byte in declaration.uri.utf8 {
                    switch byte {
                    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: "\""), 0x09, 0x0A, 0x0D:
                        tags.append(contentsOf: "&#\(byte);".utf8)
                    default:
                        tags.append(byte)
                    }
                }
                tags.append(UInt8(ascii: "\""))
            }
            tags.append(UInt8(ascii: ">"))
        }
        return tags
    }
}
