import ByteOutput

/// Writes the calls of an ``XMLContentSink`` as UTF-8 bytes in Swift, byte for byte as
/// ``XMLStreamWriter`` (libxml2's `xmlTextWriter`) writes the same elements, with the same checks
/// of names and characters and the same errors, but without a call into libxml2 per tag,
/// attribute and text.
///
/// The layout is libxml2's: with `indent`, every start tag begins on its own line, indented two
/// spaces per level; an element holding text keeps its end tag on the same line; an element with
/// nothing inside is written `<a/>`, one with an empty text `<a></a>`. Text escapes `<`, `>`,
/// `&`, `"` and a carriage return; attribute values (namespace declarations included) also
/// escape tabs and line breaks, and, in a document written without the XML declaration (which
/// names the encoding), write characters beyond ASCII as character references. Namespace
/// declarations and attributes are written in the order they are given.
///
/// A name or character XML does not allow stops the writing: what comes after it is ignored, and
/// ``finish()`` throws the error.
public struct XMLMarkupWriter: XMLContentSink, ~Copyable {
    private let indent: Bool
    private let declaration: Bool
    private let checksNames: Bool
    /// Whether attribute values write characters beyond ASCII as references (libxml2 does until
    /// a declaration has named the encoding): a writer without the declaration does, and so does
    /// one writing a fragment for such a writer.
    private let referencesNonASCII: Bool
    private var bytes = ByteBuffer(capacity: 8192)
    /// Where the qualified names of the elements opened and not yet closed stand in `bytes` (in
    /// their start tags), outermost first: an end tag copies its name from there.
    private var open: [Range<Int>] = []
    /// Whether the start tag of the innermost open element still waits for its `>`.
    private var startTagOpen = false
    /// Whether that start tag has an attribute (namespaces are declared before the attributes).
    private var startTagHasAttributes = false
    /// Whether an end tag after element content goes on a line of its own (libxml2's `doindent`:
    /// cleared by text, set by every end tag).
    private var indentsEndTag = false
    /// The namespaces declared on the element just opened.
    private var declared: [XMLNamespaceDeclaration] = []
    /// The first name or character refused.
    private var failure: XMLError?
    /// Whether `failure` is set (a flag is cheaper to test on every call than the optional).
    private var failed = false
    /// Whether ``finish()`` has handed the bytes over.
    private var finished = false
    /// Where indentation was written, while writing a fragment (`nil` otherwise).
    private var indentationPoints: [Int]?

    /// Creates a writer.
    /// - Parameters:
    ///   - indent: Whether to put each element on its own line, indented by two spaces per level.
    ///   - declaration: Whether to begin with the XML declaration (the document then ends with a
    ///     line break).
    ///   - checksNames: Whether to refuse element and attribute names and prefixes that are not
    ///     XML names. Code whose names are all its own constants, none taken from data, can leave
    ///     the check out (and have a test write them once with it).
    public init(indent: Bool = false, declaration: Bool = false, checksNames: Bool = true) {
        self.init(indent: indent, declaration: declaration, checksNames: checksNames, referencesNonASCII: !declaration)
    }

    /// A writer of one element, as the fragment a writer of `layout` copies in
    /// (``finishFragment()``).
    init(fragmentIn layout: XMLMarkupFragment.Layout) {
        self.init(indent: layout.indent, declaration: false, checksNames: true, referencesNonASCII: !layout.declaration)
        indentationPoints = []
    }

    private init(indent: Bool, declaration: Bool, checksNames: Bool, referencesNonASCII: Bool) {
        self.indent = indent
        self.declaration = declaration
        self.checksNames = checksNames
        self.referencesNonASCII = referencesNonASCII
        if declaration { bytes.append(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n") }
    }

    /// The bytes written, once every element is closed; called once.
    /// - Throws: ``XMLError`` with code `xml.invalid-name` or `xml.invalid-character`, as
    ///   ``XMLStreamWriter`` does, for the first name or character refused.
    public mutating func finish() throws(XMLError) -> [UInt8] {
        precondition(!finished, "a document finished twice")
        finished = true
        if failed, let failure { throw failure }
        precondition(open.isEmpty, "the document was finished with \(open.count) element(s) open")
        if declaration, !indent { bytes.append(0x0A) }
        return Array(bytes.bytes)
    }

    /// The element written, with where it was indented, or `nil` when a name or character was
    /// refused; called once, by a writer made with ``init(fragmentIn:)``.
    mutating func finishFragment() -> XMLMarkupFragment? {
        precondition(!finished, "a fragment finished twice")
        finished = true
        guard !failed else { return nil }
        precondition(open.isEmpty, "the fragment was finished with \(open.count) element(s) open")
        return XMLMarkupFragment(bytes: Array(bytes.bytes), indentation: indentationPoints ?? [])
    }

    public mutating func startElement(_ localName: String, namespaceURI: String?, prefix: String?) {
        guard !failed else { return }
        if startTagOpen {
            bytes.append(UInt8(ascii: ">"))
            if indent { bytes.append(0x0A) }
        }
        indentation(open.count)
        bytes.append(UInt8(ascii: "<"))
        let nameStart = bytes.count
        do throws(XMLError) {
            try appendName(localName, prefix: prefix, role: "element name")
        } catch {
            fail(error)
            return
        }
        open.append(nameStart..<bytes.count)
        startTagOpen = true
        startTagHasAttributes = false
        if !declared.isEmpty { declared.removeAll(keepingCapacity: true) }
    }

    public mutating func declareNamespace(prefix: String?, uri: String) {
        guard !failed else { return }
        precondition(startTagOpen && !startTagHasAttributes, "a namespace declared after an element's attributes or content")
        do throws(XMLError) {
            if let prefix { try XMLStreamWriter.validate(name: prefix, role: "prefix") }
            if let existing = declared.first(where: { $0.prefix == prefix }) {
                guard existing.uri == uri else {
                    throw XMLStreamWriter.misuse("prefix '\(prefix ?? "")' is already bound to '\(existing.uri)' on this element")
                }
                return
            }
            declared.append(XMLNamespaceDeclaration(prefix: prefix, uri: uri))
            bytes.append(Self.namespaceAttribute)
            if let prefix {
                bytes.append(UInt8(ascii: ":"))
                bytes.append(prefix)
            }
            try appendAttributeValue(uri, role: "namespace name")
        } catch {
            fail(error)
        }
    }

    public mutating func addAttribute(_ localName: String, namespaceURI: String?, prefix: String?, value: String) {
        guard !failed else { return }
        precondition(startTagOpen, "an attribute after an element's content")
        startTagHasAttributes = true
        do throws(XMLError) {
            bytes.append(UInt8(ascii: " "))
            try appendName(localName, prefix: prefix, role: "attribute name")
            try appendAttributeValue(value, role: "the value of attribute '\(localName)'")
        } catch {
            fail(error)
        }
    }

    public mutating func addText(_ text: String) {
        guard !failed else { return }
        precondition(!open.isEmpty, "text outside any element")
        if startTagOpen {
            bytes.append(UInt8(ascii: ">"))
            startTagOpen = false
        }
        indentsEndTag = false
        do throws(XMLError) {
            try appendEscaped(text, inAttribute: false, role: "text")
        } catch {
            fail(error)
        }
    }

    public mutating func endElement() {
        guard !failed else { return }
        guard let name = open.popLast() else { preconditionFailure("an element closed that was not opened") }
        if startTagOpen {
            startTagOpen = false
            bytes.append(Self.emptyElementEnd)
        } else {
            if indent, indentsEndTag { indentation(open.count) }
            bytes.append(Self.endTagStart)
            bytes.appendCopy(of: name)
            bytes.append(UInt8(ascii: ">"))
        }
        indentsEndTag = true
        if indent { bytes.append(0x0A) }
    }

    /// Adds the shared element as the bytes it was written as for this writer's layout, moved to
    /// the depth of the open element: the bytes the writer would write for it. When writing it
    /// failed, it is written as any element is (and fails the same way).
    public mutating func addShared(_ shared: XMLSharedElement) {
        guard !failed else { return }
        let layout = XMLMarkupFragment.Layout(indent: indent, declaration: !referencesNonASCII)
        guard let fragment = shared.markup[layout.index] else { return addElement(shared.element) }
        if startTagOpen {
            bytes.append(UInt8(ascii: ">"))
            if indent { bytes.append(0x0A) }
            startTagOpen = false
        }
        if !declared.isEmpty { declared.removeAll(keepingCapacity: true) }
        fragment.bytes.withUnsafeBufferPointer { source in
            var copied = 0
            for point in fragment.indentation {
                bytes.append(UnsafeBufferPointer(rebasing: source[copied..<point]))
                indentation(open.count)
                copied = point
            }
            bytes.append(UnsafeBufferPointer(rebasing: source[copied...]))
        }
        indentsEndTag = true
    }

    public static var takesSharedElements: Bool { true }

    private mutating func fail(_ error: XMLError) {
        failure = error
        failed = true
    }

    private static let namespaceAttribute: StaticString = " xmlns"
    private static let emptyElementEnd: StaticString = "/>"
    private static let endTagStart: StaticString = "</"
    private static let valueStart: StaticString = "=\""

    private mutating func indentation(_ depth: Int) {
        guard indent else { return }
        indentationPoints?.append(bytes.count)
        bytes.append(UInt8(ascii: " "), repeated: 2 * depth)
    }

    /// Appends `prefix:localName` (or the local name alone), refusing a local name or prefix that
    /// is not an XML name. The names are checked where they were written.
    private mutating func appendName(_ localName: String, prefix: String?, role: @autoclosure () -> String) throws(XMLError) {
        var prefixStart = 0
        if let prefix {
            prefixStart = bytes.count
            bytes.append(prefix)
            bytes.append(UInt8(ascii: ":"))
        }
        let start = bytes.count
        bytes.append(localName)
        guard checksNames else { return }
        if !XMLStreamWriter.isPlainASCIIName(UnsafeBufferPointer(rebasing: bytes.bytes[start...])) {
            try XMLStreamWriter.validate(name: localName, role: role())
        }
        if let prefix, !XMLStreamWriter.isPlainASCIIName(UnsafeBufferPointer(rebasing: bytes.bytes[prefixStart..<start - 1])) {
            try XMLStreamWriter.validate(name: prefix, role: "prefix")
        }
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
        let referencesNonASCII = inAttribute && self.referencesNonASCII
        // The stored bytes are read in place: copying the string to call `withUTF8` costs a
        // reference count per text.
        let stop =
            text.utf8.withContiguousStorageIfAvailable { appendEscaped($0, inAttribute: inAttribute, referencesNonASCII: referencesNonASCII) }
            ?? {
                var text = text
                return text.withUTF8 { appendEscaped($0, inAttribute: inAttribute, referencesNonASCII: referencesNonASCII) }
            }()
        switch stop {
        case nil:
            return
        case .refused(let value):
            throw XMLStreamWriter.invalidCharacter(value, role: role())
        case .nonASCII(let offset):
            let rest = String(decoding: text.utf8.dropFirst(offset), as: UTF8.self)
            try XMLStreamWriter.validate(text: rest, role: role())
            for scalar in rest.unicodeScalars {
                if !scalar.isASCII {
                    bytes.append("&#x" + String(scalar.value, radix: 16, uppercase: true) + ";")
                } else if let reference = Self.reference(for: UInt8(scalar.value), inAttribute: true) {
                    bytes.append(reference)
                } else {
                    bytes.append(UInt8(scalar.value))
                }
            }
        }
    }

    /// Why ``appendEscaped(_:inAttribute:referencesNonASCII:)`` stopped before the end.
    private enum EscapingStop {
        /// At a character XML does not allow.
        case refused(UInt32)
        /// At the first byte beyond ASCII (at this offset), which the caller writes as references
        /// with the rest.
        case nonASCII(Int)
    }

    /// Appends the UTF-8 `source` escaped; returns `nil` when all of it is written.
    private mutating func appendEscaped(
        _ source: UnsafeBufferPointer<UInt8>, inAttribute: Bool, referencesNonASCII: Bool
    ) -> EscapingStop? {
        let count = source.count
        var runStart = 0
        var index = 0
        while true {
            index =
                referencesNonASCII
                ? XMLTextBytes.firstSpecialOrNonASCII(in: source, from: index) : XMLTextBytes.firstSpecial(in: source, from: index)
            guard index < count else { break }
            let byte = source[index]
            if byte >= 0x80, referencesNonASCII {
                bytes.append(UnsafeBufferPointer(rebasing: source[runStart..<index]))
                return .nonASCII(index)
            }
            if byte == 0xEF {
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters; any other
                // character that begins with 0xEF is copied.
                if index + 2 < count, source[index + 1] == 0xBF, source[index + 2] >= 0xBE {
                    return .refused(0xFFFE + UInt32(source[index + 2] - 0xBE))
                }
                index += 1
                continue
            }
            let reference = Self.reference(for: byte, inAttribute: inAttribute)
            if reference == nil, byte != 0x0A, byte != 0x09 { return .refused(UInt32(byte)) }
            index += 1
            guard let reference else { continue }
            bytes.append(UnsafeBufferPointer(rebasing: source[runStart..<index - 1]))
            bytes.append(reference)
            runStart = index
        }
        bytes.append(UnsafeBufferPointer(rebasing: source[runStart...]))
        return nil
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
