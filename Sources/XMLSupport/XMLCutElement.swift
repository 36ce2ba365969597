/// An element cut out of its document by ``XMLElementCutter``, with what the document's parser
/// knew where the element starts, so that it can be parsed on its own and read exactly as the
/// document's parser would have read it.
public struct XMLCutElement: Sendable {
    /// The element's ancestors as its parser is given them: a start tag for each, carrying its
    /// namespace declarations. The same for every element of a scope, so made once per scope.
    public struct Ancestors: Sendable {
        /// The start tags, outermost first.
        let tags: [UInt8]
        /// How many ancestors there are.
        let depth: Int

        /// The ancestors whose namespace declarations are `declarations`, outermost first.
        public init(declarations: [[XMLNamespaceDeclaration]]) {
            var tags: [UInt8] = []
            for element in declarations {
                tags.append(contentsOf: "<x".utf8)
                for declaration in element {
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
            self.tags = tags
            depth = declarations.count
        }
    }

    /// The element's bytes, from the `<` of its start tag to the `>` of its end tag.
    public var bytes: [UInt8]
    /// The document's name, for errors.
    public var documentName: String
    /// The line of the element's `<` in the document.
    public var line: Int
    /// The column of the element's `<` in the document, counted as the document's parser counts.
    public var column: Int
    /// The element's ancestors.
    public var ancestors: Ancestors

    /// Creates a cut element: its bytes, its document's name, its position, and its ancestors.
    public init(bytes: [UInt8], documentName: String, line: Int, column: Int, ancestors: Ancestors) {
        self.bytes = bytes
        self.documentName = documentName
        self.line = line
        self.column = column
        self.ancestors = ancestors
    }
}
