import ByteOutput

/// Writes an ``XMLElement`` tree as UTF-8 bytes in Swift, byte for byte as ``XMLStreamWriter``
/// (libxml2's `xmlTextWriter`) writes the same tree, with the same checks of names and characters
/// and the same errors, but without a call into libxml2 per tag, attribute and text.
///
/// The layout is libxml2's: with `indent`, every start tag begins on its own line, indented two
/// spaces per level; an element holding text keeps its end tag on the same line; an element with
/// nothing inside is written `<a/>`, one with an empty text `<a></a>`. Text escapes `<`, `>`,
/// `&`, `"` and a carriage return; attribute values (namespace declarations included) also
/// escape tabs and line breaks, and, in a tree written without the XML declaration (which names
/// the encoding), write characters beyond ASCII as character references.
/// Namespace declarations are written as the tree holds them, first, then the attributes.
public struct XMLTreeSerializer: Sendable {
    /// Whether to lay the tree out on indented lines.
    public var indent: Bool

    /// Creates a serializer.
    /// - Parameter indent: Whether to put each element on its own line, indented by two spaces per level.
    public init(indent: Bool = false) {
        self.indent = indent
    }

    /// The bytes of `element`, preceded by the XML declaration when `declaration` is set (then
    /// ending with a line break, as a document does).
    /// - Throws: ``XMLError`` with code `xml.invalid-name` or `xml.invalid-character`, as
    ///   ``XMLStreamWriter`` does.
    public func serialize(_ element: XMLElement, declaration: Bool = false) throws(XMLError) -> [UInt8] {
        var output = Output(indent: indent, referencesNonASCII: !declaration)
        if declaration { output.bytes.append(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n") }
        try output.write(element, depth: 0)
        if declaration, !indent { output.bytes.append(0x0A) }
        return output.bytes.array()
    }

    /// The bytes being written and libxml2's one piece of layout state.
    private struct Output: ~Copyable {
        let indent: Bool
        /// Whether attribute values write characters beyond ASCII as references (libxml2 does
        /// until a declaration has named the encoding).
        let referencesNonASCII: Bool
        var bytes = ByteBuffer(capacity: 8192)
        /// Whether an end tag after element content goes on a line of its own (libxml2's
        /// `doindent`: cleared by text, set by every end tag).
        var indentsEndTag = false
        init(indent: Bool, referencesNonASCII: Bool) {
            self.indent = indent
            self.referencesNonASCII = referencesNonASCII
        }

        mutating func indentation(_ depth: Int) {
            if indent { bytes.append(UInt8(ascii: " "), repeated: 2 * depth) }
        }

        private static let namespaceAttribute: StaticString = " xmlns"
        private static let emptyElementEnd: StaticString = "/>"
        private static let endTagStart: StaticString = "</"
        private static let valueStart: StaticString = "=\""

        mutating func write(_ element: XMLElement, depth: Int) throws(XMLError) {
            try XMLStreamWriter.validate(name: element.localName, role: "element name")
            if let prefix = element.prefix { try XMLStreamWriter.validate(name: prefix, role: "prefix") }
            indentation(depth)
            bytes.append(UInt8(ascii: "<"))
            appendName(element.localName, prefix: element.prefix)
            var declared: [XMLNamespaceDeclaration] = []
            for declaration in element.namespaceDeclarations {
                if let prefix = declaration.prefix { try XMLStreamWriter.validate(name: prefix, role: "prefix") }
                if let existing = declared.first(where: { $0.prefix == declaration.prefix }) {
                    guard existing.uri == declaration.uri else {
                        throw XMLStreamWriter.misuse(
                            "prefix '\(declaration.prefix ?? "")' is already bound to '\(existing.uri)' on this element")
                    }
                    continue
                }
                declared.append(declaration)
                bytes.append(Self.namespaceAttribute)
                if let prefix = declaration.prefix {
                    bytes.append(UInt8(ascii: ":"))
                    bytes.append(prefix)
                }
                try appendAttributeValue(declaration.uri, role: "namespace name")
            }
            // By index: each field is read where it stands, without copying the attribute.
            let attributes = element.attributes
            for index in attributes.indices {
                try XMLStreamWriter.validate(name: attributes[index].localName, role: "attribute name")
                if let prefix = attributes[index].prefix { try XMLStreamWriter.validate(name: prefix, role: "prefix") }
                bytes.append(UInt8(ascii: " "))
                appendName(attributes[index].localName, prefix: attributes[index].prefix)
                try appendAttributeValue(attributes[index].value, role: "the value of attribute '\(attributes[index].localName)'")
            }
            guard !element.children.isEmpty else {
                indentsEndTag = true
                bytes.append(Self.emptyElementEnd)
                if indent { bytes.append(0x0A) }
                return
            }
            var startTagOpen = true
            for child in element.children {
                switch child {
                case .element(let inner):
                    if startTagOpen {
                        bytes.append(UInt8(ascii: ">"))
                        if indent { bytes.append(0x0A) }
                        startTagOpen = false
                    }
                    try write(inner, depth: depth + 1)
                case .text(let text):
                    if startTagOpen {
                        bytes.append(UInt8(ascii: ">"))
                        startTagOpen = false
                    }
                    indentsEndTag = false
                    try appendEscaped(text, inAttribute: false, role: "text")
                }
            }
            if indent, indentsEndTag { indentation(depth) }
            indentsEndTag = true
            bytes.append(Self.endTagStart)
            appendName(element.localName, prefix: element.prefix)
            bytes.append(UInt8(ascii: ">"))
            if indent { bytes.append(0x0A) }
        }

        private mutating func appendName(_ localName: String, prefix: String?) {
            if let prefix {
                bytes.append(prefix)
                bytes.append(UInt8(ascii: ":"))
            }
            bytes.append(localName)
        }

        /// `="value"`, the value escaped as libxml2's `xmlAttrSerializeTxtContent` does.
        private mutating func appendAttributeValue(_ value: String, role: @autoclosure () -> String) throws(XMLError) {
            bytes.append(Self.valueStart)
            try appendEscaped(value, inAttribute: true, role: role())
            bytes.append(UInt8(ascii: "\""))
        }

        /// `text` with the references libxml2 writes: for markup characters and a carriage return,
        /// in attribute values also for tabs and line feeds and (before an encoding is declared)
        /// for every character beyond ASCII, as a hexadecimal character reference. Character data
        /// escapes as libxml2's `xmlEncodeSpecialChars` does, attribute values as its
        /// `xmlAttrSerializeTxtContent`.
        /// - Throws: ``XMLError`` `xml.invalid-character` for a character XML does not allow (as
        ///   ``XMLStreamWriter`` refuses it), found in the same pass over the bytes.
        private mutating func appendEscaped(_ text: String, inAttribute: Bool, role: @autoclosure () -> String) throws(XMLError) {
            var text = text
            if inAttribute, referencesNonASCII, !text.withUTF8(XMLTextBytes.isASCII) {
                try XMLStreamWriter.validate(text: text, role: role())
                for scalar in text.unicodeScalars {
                    if !scalar.isASCII {
                        bytes.append("&#x" + String(scalar.value, radix: 16, uppercase: true) + ";")
                    } else if let reference = Self.reference(for: UInt8(scalar.value), inAttribute: true) {
                        bytes.append(reference)
                    } else {
                        bytes.append(UInt8(scalar.value))
                    }
                }
                return
            }
            let refused = text.withUTF8 { source -> UInt32? in
                let count = source.count
                var runStart = 0
                var index = 0
                while true {
                    index = XMLTextBytes.firstSpecial(in: source, from: index)
                    guard index < count else { break }
                    let byte = source[index]
                    if byte == 0xEF {
                        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters; any other
                        // character that begins with 0xEF is copied.
                        if index + 2 < count, source[index + 1] == 0xBF, source[index + 2] >= 0xBE {
                            return 0xFFFE + UInt32(source[index + 2] - 0xBE)
                        }
                        index += 1
                        continue
                    }
                    let reference = Self.reference(for: byte, inAttribute: inAttribute)
                    if reference == nil, byte != 0x0A, byte != 0x09 { return UInt32(byte) }
                    index += 1
                    guard let reference else { continue }
                    bytes.append(UnsafeBufferPointer(rebasing: source[runStart..<index - 1]))
                    bytes.append(reference)
                    runStart = index
                }
                bytes.append(UnsafeBufferPointer(rebasing: source[runStart...]))
                return nil
            }
            if let refused { throw XMLStreamWriter.invalidCharacter(refused, role: role()) }
        }

        /// The reference written for an ASCII `byte`, or `nil` when it is written as it is.
        private static func reference(for byte: UInt8, inAttribute: Bool) -> StaticString? {
            switch byte {
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "\""): "&quot;"
            case 0x0D: "&#13;"
            case 0x0A where inAttribute: "&#10;"
            case 0x09 where inAttribute: "&#9;"
            default: nil
            }
        }
    }
}
