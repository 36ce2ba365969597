internal import CLibXML2

/// Writes an XML document into memory with libxml2's `xmlTextWriter`, escaping text and attribute
/// values as it goes.
///
/// ```swift
/// let writer = try XMLStreamWriter(indent: true)
/// try writer.startDocument()
/// try writer.startElement("europassCredential", namespaceURI: "http://data.europa.eu/snb")
/// try writer.writeAttribute("id", value: id, prefix: "cred", namespaceURI: credNamespace)
/// try writer.endElement()
/// let bytes = try writer.finish()
/// ```
///
/// Namespaces are tracked per element: passing a `namespaceURI` declares it (`xmlns` or
/// `xmlns:prefix`) on the element only when that prefix is not already bound to it in scope.
/// Names must be valid XML names, and text and attribute values may hold only characters XML
/// allows; anything else is refused with an ``XMLError`` rather than written as broken XML.
///
/// The writer owns its libxml2 writer and buffer (freed on `deinit`). It is not `Sendable`, but
/// writers share nothing: several can be used on different threads at once. Long outputs can be
/// drained as they grow with ``takeBytes()``.
public final class XMLStreamWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    let collector = XMLIssueCollector()
    /// The prefix bindings declared on each open element, outermost first; `""` is the default namespace.
    private var scopes: [[String: String]] = []
    private var hasStartedDocument = false
    private var hasWrittenContent = false
    private var isFinished = false
    /// Whether libxml2's errors already go to `collector` (while a whole element is written).
    var routesErrors = false

    /// Creates a writer with an empty buffer.
    ///
    /// - Parameter indent: Whether to put each element on its own line, indented by two spaces per
    ///   level. Elements that hold text stay on one line.
    /// - Throws: ``XMLError`` with code `xml.internal` if libxml2 cannot allocate the writer.
    public init(indent: Bool = false) throws {
        XMLLibrary.initialise()
        let buffer = try XMLLibrary.check(xmlBufferCreate(), "create an output buffer")
        let writer: xmlTextWriterPtr
        do {
            writer = try XMLLibrary.check(xmlNewTextWriterMemory(buffer, 0), "create a writer")
        } catch {
            xmlBufferFree(buffer)
            throw error
        }
        self.buffer = buffer
        self.writer = writer
        if indent {
            try call("turn on indentation") { xmlTextWriterSetIndent(writer, 1) }
            try call("set the indentation") { xmlTextWriterSetIndentString(writer, "  ") }
        }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    // MARK: - Document

    /// Writes the XML declaration `<?xml version="1.0" encoding="UTF-8"?>`.
    /// - Throws: ``XMLError`` with code `xml.invalid-state` if anything has been written already.
    public func startDocument() throws {
        try requireOpen()
        guard !hasStartedDocument, !hasWrittenContent else {
            throw Self.misuse("the XML declaration must come first")
        }
        try call("write the XML declaration") { xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil) }
        hasStartedDocument = true
    }

    /// Closes every open element and ends the document with a line break.
    /// - Throws: ``XMLError`` with code `xml.invalid-state` if ``startDocument()`` was not called.
    public func endDocument() throws {
        try requireOpen()
        guard hasStartedDocument else { throw Self.misuse("cannot end a document that was not started") }
        try call("end the document") { xmlTextWriterEndDocument(writer) }
        scopes.removeAll()
        hasStartedDocument = false
    }

    // MARK: - Elements

    /// Opens an element.
    ///
    /// - Parameters:
    ///   - localName: The element's local name.
    ///   - prefix: The prefix to write, or `nil` to use the default namespace.
    ///   - namespaceURI: The namespace the element is in. When given, it is declared on this
    ///     element unless `prefix` is already bound to it; `""` puts an unprefixed element in no
    ///     namespace. When `nil`, whatever `prefix` is bound to in scope applies.
    /// - Throws: ``XMLError`` with code `xml.invalid-name` for an invalid name or prefix.
    public func startElement(_ localName: String, prefix: String? = nil, namespaceURI: String? = nil) throws {
        try requireOpen()
        try Self.validate(name: localName, role: "element name")
        if let prefix { try Self.validate(name: prefix, role: "prefix") }
        try call("write the start tag of '\(localName)'") {
            xmlTextWriterStartElementNS(writer, prefix, localName, nil)
        }
        scopes.append([:])
        hasWrittenContent = true
        if let namespaceURI, binding(of: prefix) != namespaceURI {
            try declareNamespace(prefix: prefix, uri: namespaceURI)
        }
    }

    /// Writes a namespace declaration on the element just opened (`xmlns="uri"` or
    /// `xmlns:prefix="uri"`); nothing is written if the same declaration is already on it.
    ///
    /// - Parameters:
    ///   - prefix: The prefix to bind, or `nil` for the default namespace.
    ///   - uri: The namespace name.
    /// - Throws: ``XMLError`` with code `xml.invalid-state` when no start tag is open or the
    ///   element already binds `prefix` to another namespace.
    public func declareNamespace(prefix: String?, uri: String) throws {
        try requireOpen()
        guard !scopes.isEmpty else { throw Self.misuse("cannot declare namespace '\(uri)' outside an element") }
        if let prefix { try Self.validate(name: prefix, role: "prefix") }
        let key = prefix ?? ""
        if let existing = scopes[scopes.count - 1][key] {
            guard existing == uri else {
                throw Self.misuse("prefix '\(key)' is already bound to '\(existing)' on this element")
            }
            return
        }
        try Self.validate(text: uri, role: "namespace name")
        let name = prefix.map { "xmlns:\($0)" } ?? "xmlns"
        try call("write the namespace declaration '\(name)'") { xmlTextWriterWriteAttribute(writer, name, uri) }
        scopes[scopes.count - 1][key] = uri
    }

    /// Writes an attribute on the element just opened; `<`, `>`, `&`, `"`, tabs and line breaks in
    /// the value are escaped.
    ///
    /// - Parameters:
    ///   - localName: The attribute's local name.
    ///   - value: The value, unescaped.
    ///   - prefix: The prefix to write, or `nil`.
    ///   - namespaceURI: The namespace the attribute is in; it needs a `prefix`, and is declared on
    ///     the element unless that prefix is already bound to it.
    /// - Throws: ``XMLError`` with code `xml.invalid-name`, `xml.invalid-character`, or
    ///   `xml.invalid-state` when no start tag is open.
    public func writeAttribute(_ localName: String, value: String, prefix: String? = nil, namespaceURI: String? = nil)
        throws
    {
        try requireOpen()
        guard !scopes.isEmpty else { throw Self.misuse("cannot write attribute '\(localName)' outside an element") }
        try Self.validate(name: localName, role: "attribute name")
        if let prefix { try Self.validate(name: prefix, role: "prefix") }
        try Self.validate(text: value, role: "the value of attribute '\(localName)'")
        if let namespaceURI {
            guard let prefix else {
                throw XMLError(
                    XMLIssue(
                        code: XMLIssue.Code.invalidName,
                        message: "attribute '\(localName)' in namespace '\(namespaceURI)' needs a prefix"))
            }
            if binding(of: prefix) != namespaceURI { try declareNamespace(prefix: prefix, uri: namespaceURI) }
        }
        try call("write attribute '\(localName)'") {
            xmlTextWriterWriteAttributeNS(writer, prefix, localName, nil, value)
        }
    }

    /// Writes character data; `<`, `>`, `&` and `"` are escaped, and a carriage return is written
    /// as `&#13;` so that it survives reading.
    /// - Parameter text: The text, unescaped.
    /// - Throws: ``XMLError`` with code `xml.invalid-character`, or `xml.invalid-state` outside an element.
    public func writeText(_ text: String) throws {
        try requireOpen()
        guard !scopes.isEmpty else { throw Self.misuse("cannot write text outside an element") }
        try Self.validate(text: text, role: "text")
        try call("write text") { xmlTextWriterWriteString(writer, text) }
    }

    /// Writes `fragment` exactly as given, without escaping: for re-emitting XML that was kept
    /// verbatim. The caller is responsible for it being well-formed and for its namespaces.
    /// - Parameter fragment: Well-formed XML content.
    /// - Throws: ``XMLError`` with code `xml.invalid-character` if it holds a character XML does not allow.
    public func writeRaw(_ fragment: String) throws {
        try requireOpen()
        try Self.validate(text: fragment, role: "raw XML")
        try call("write raw XML") { xmlTextWriterWriteRaw(writer, fragment) }
        hasWrittenContent = true
    }

    /// Closes the innermost open element, as `<a/>` when nothing was written inside it.
    /// - Throws: ``XMLError`` with code `xml.invalid-state` when no element is open.
    public func endElement() throws {
        try requireOpen()
        guard !scopes.isEmpty else { throw Self.misuse("there is no open element to end") }
        try call("write an end tag") { xmlTextWriterEndElement(writer) }
        scopes.removeLast()
    }

    // MARK: - Output

    /// The bytes written since the last call, removing them from the buffer.
    ///
    /// Use it to stream a long document to a file piece by piece.
    /// - Throws: ``XMLError`` if libxml2 cannot flush its output.
    public func takeBytes() throws -> [UInt8] {
        try requireOpen()
        return try drain()
    }

    /// Closes every open element, ends the document if one was started, and returns the bytes
    /// not yet taken. The writer cannot be used afterwards.
    /// - Returns: UTF-8 encoded XML.
    /// - Throws: ``XMLError`` if libxml2 cannot finish the output.
    public func finish() throws -> [UInt8] {
        try requireOpen()
        if hasStartedDocument {
            try endDocument()
        } else {
            while !scopes.isEmpty { try endElement() }
        }
        let bytes = try drain()
        isFinished = true
        return bytes
    }

    private func drain() throws(XMLError) -> [UInt8] {
        try call("flush the output") { xmlTextWriterFlush(writer) }
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferContent(buffer) else { return [] }
        let bytes = Array(UnsafeBufferPointer(start: content, count: count))
        xmlBufferEmpty(buffer)
        return bytes
    }

    // MARK: - Checks

    /// Calls libxml2 with its errors routed to this writer, through the status funnel.
    private func call(_ operation: @autoclosure () -> String, _ body: () -> Int32) throws(XMLError) {
        let status = routesErrors ? body() : XMLLibrary.routingErrors(to: collector, body)
        try XMLLibrary.check(status, operation(), collector: collector)
    }

    private func requireOpen() throws(XMLError) {
        if isFinished { throw Self.misuse("the writer has finished") }
    }

    /// The namespace `prefix` is bound to by the open elements: `""` for an unbound default
    /// namespace, `nil` for an unbound prefix.
    private func binding(of prefix: String?) -> String? {
        let key = prefix ?? ""
        return scopes.reversed().lazy.compactMap { $0[key] }.first ?? (prefix == nil ? "" : nil)
    }

    static func misuse(_ message: String) -> XMLError {
        XMLError(XMLIssue(code: XMLIssue.Code.invalidState, message: message))
    }

    /// Refuses a name that is not an XML name without a colon (libxml2's `xmlValidateNCName`).
    static func validate(name: String, role: @autoclosure () -> String) throws(XMLError) {
        // libxml2 reads a name only up to a NUL, which no name may hold.
        guard !name.isEmpty, isPlainASCIIName(name) || (!name.utf8.contains(0) && xmlValidateNCName(name, 0) == 0) else {
            throw XMLError(XMLIssue(code: XMLIssue.Code.invalidName, message: "'\(name)' is not a valid XML \(role())"))
        }
    }

    /// Whether `name` is an NCName made of ASCII letters, digits, `_`, `-` and `.` only (the
    /// common case, checked without a call into libxml2).
    private static func isPlainASCIIName(_ name: String) -> Bool {
        // A string without contiguous UTF-8 is left to libxml2's check.
        name.utf8.withContiguousStorageIfAvailable(isPlainASCIIName) ?? false
    }

    /// Whether the UTF-8 `bytes` are a plain ASCII name (see ``isPlainASCIIName(_:)-(String)``).
    static func isPlainASCIIName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0, isMember(base[0], low: 0, high: nameStartHigh) else { return false }
        var index = 1
        while index < bytes.count {
            guard isMember(base[index], low: nameLow, high: nameStartHigh) else { return false }
            index += 1
        }
        return true
    }

    /// The ASCII characters that may start a plain name, as bits of the code points 64–127
    /// (letters and `_`; none below 64).
    private static let nameStartHigh: UInt64 = 0x07FF_FFFE_87FF_FFFE
    /// The other characters of a plain name below 64, as bits of their code points (digits, `-`, `.`).
    private static let nameLow: UInt64 = 0x03FF_6000_0000_0000

    /// Whether `byte` is ASCII and its bit is set in `low` (code points 0–63) or `high` (64–127).
    @inline(__always)
    private static func isMember(_ byte: UInt8, low: UInt64, high: UInt64) -> Bool {
        byte < 128 && ((byte < 64 ? low : high) >> UInt64(byte & 63)) & 1 == 1
    }

    /// Refuses text holding a character outside XML 1.0's `Char` production.
    static func validate(text: String, role: @autoclosure () -> String) throws(XMLError) {
        // Only control characters and U+FFFE/U+FFFF (encoded from 0xEF) can be disallowed.
        func mayBeDisallowed(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x9 && byte != 0xA && byte != 0xD) || byte == 0xEF }
        let suspect = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: mayBeDisallowed) } ?? text.utf8.contains(where: mayBeDisallowed)
        guard suspect else { return }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isAllowed =
                value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF)
            guard isAllowed else { throw invalidCharacter(value, role: role()) }
        }
    }

    /// The error for character `value`, which XML does not allow, in `role` (`text`).
    static func invalidCharacter(_ value: UInt32, role: String) -> XMLError {
        XMLError(
            XMLIssue(
                code: XMLIssue.Code.invalidCharacter,
                message: "\(role) contains character \(XMLIssue.codePointName(value)), which XML does not allow"))
    }
}

@available(*, unavailable)
extension XMLStreamWriter: Sendable {}
