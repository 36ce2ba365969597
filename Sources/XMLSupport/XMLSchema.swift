internal import CLibXML2

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Musl)
    internal import Musl
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// A compiled W3C XML Schema (XSD), loaded once and used to validate any number of documents.
///
/// ```swift
/// let schema = try XMLSchema(contentsOf: "xsd/genericschema_1.2.xsd")
/// let violations = schema.validate(bytes, documentName: "credential.xml")
/// ```
///
/// The schema's own imports and includes are resolved relative to its file, never over the
/// network: an import of a network location fails the load (`xml.unreadable`), and an import whose
/// local file is missing is skipped and reported in ``loadWarnings``.
///
/// The compiled schema is immutable once loaded, and each ``validate(_:documentName:)`` call uses
/// its own libxml2 validation context and parser, so one `XMLSchema` can be shared by any number of
/// threads validating at once. The schema is freed when the object is released.
public final class XMLSchema: @unchecked Sendable {
    // Note: `@unchecked` because the compiled `xmlSchemaPtr` is a C pointer. libxml2 only reads it
    // during validation, and every validation gets its own context, so sharing it is safe.

    /// Compiles a one-line schema once, before any real one.
    ///
    /// The first compilation builds libxml2's tables of built-in types, which is not safe from two
    /// threads at once; doing it here, under Swift's once-only initialisation, makes every later
    /// compilation (and validation) safe to run in parallel.
    private static let builtInTypesReady: Void = {
        XMLLibrary.initialise()
        let minimal = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'/>"
        let collector = XMLIssueCollector()
        XMLLibrary.routingErrors(to: collector) {
            guard let parserContext = xmlSchemaNewMemParserCtxt(minimal, Int32(minimal.utf8.count)) else { return }
            defer { xmlSchemaFreeParserCtxt(parserContext) }
            if let schema = xmlSchemaParse(parserContext) { xmlSchemaFree(schema) }
        }
    }()

    /// The path the schema was loaded from.
    public let path: String
    /// Warnings from loading the schema, such as an import that could not be found and was skipped.
    public let loadWarnings: [XMLIssue]
    private let schema: xmlSchemaPtr

    /// Loads and compiles the schema at `path`.
    ///
    /// - Parameter path: The path of the main `.xsd` file.
    /// - Throws: ``XMLError`` with code `xml.unreadable` when the file cannot be read, or
    ///   `xml.invalid-schema` (with every error libxml2 reported) when it is not a valid schema.
    public init(contentsOf path: String) throws {
        _ = Self.builtInTypesReady
        guard access(path, R_OK) == 0 else {
            throw XMLError(
                XMLIssue(code: XMLIssue.Code.unreadable, message: "cannot read schema '\(path)'"), documentName: path)
        }
        let collector = XMLIssueCollector()
        let compiled = XMLLibrary.routingErrors(to: collector) { () -> xmlSchemaPtr? in
            guard let parserContext = xmlSchemaNewParserCtxt(path) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parserContext) }
            xmlSchemaSetParserStructuredErrors(
                parserContext, XMLIssueCollector.handler, Unmanaged.passUnretained(collector).toOpaque())
            return xmlSchemaParse(parserContext)
        }
        let errors = collector.errors
        guard let compiled, errors.isEmpty else {
            if let compiled { xmlSchemaFree(compiled) }
            let first =
                errors.first
                ?? XMLIssue(
                    code: XMLIssue.Code.invalidSchema, message: "'\(path)' could not be compiled as an XML Schema")
            throw XMLError(first, additionalIssues: Array(errors.dropFirst()), documentName: path)
        }
        self.path = path
        self.schema = compiled
        self.loadWarnings = collector.warnings
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// Checks `document` against the schema.
    ///
    /// The document is first read with ``XMLPullReader``'s rules, so a malformed or hostile document
    /// is reported with that reader's code (such as `xml.malformed` or `xml.external-entity`) and
    /// not validated. Otherwise it is validated as it is parsed, without building a tree.
    ///
    /// - Parameters:
    ///   - document: The document's bytes.
    ///   - documentName: The name for the document in issues.
    /// - Returns: Every violation, in document order, each with code `xml.schema-violation`, a line
    ///   and (where libxml2 knows it) a column; or the reading error. Empty when the document is valid.
    public func validate(_ document: [UInt8], documentName: String) -> [XMLIssue] {
        do {
            let reader = try XMLPullReader(bytes: document, documentName: documentName)
            while try reader.next() != nil {}
        } catch let error as XMLError {
            return error.issues
        } catch {
            return [XMLIssue(code: XMLIssue.Code.internal, message: "\(error)")]
        }
        guard document.count <= Int(Int32.max) else {
            return [XMLIssue(code: XMLIssue.Code.limitExceeded, message: "document is larger than 2 GiB")]
        }
        let collector = XMLIssueCollector()
        let status: Int32 = document.withUnsafeBytes { bytes in
            XMLLibrary.routingErrors(to: collector) {
                guard let validation = xmlSchemaNewValidCtxt(schema) else { return -1 }
                defer { xmlSchemaFreeValidCtxt(validation) }
                xmlSchemaSetValidStructuredErrors(
                    validation, XMLIssueCollector.handler, Unmanaged.passUnretained(collector).toOpaque())
                // Note: the input buffer copies the bytes, and the validation call takes ownership
                // of it and frees it.
                guard let start = bytes.baseAddress,
                    let input = xmlParserInputBufferCreateMem(
                        start.assumingMemoryBound(to: CChar.self), Int32(bytes.count), XML_CHAR_ENCODING_NONE)
                else { return -1 }
                return xmlSchemaValidateStream(validation, input, XML_CHAR_ENCODING_NONE, nil, nil)
            }
        }
        var issues = collector.issues
        if collector.droppedCount > 0 {
            issues.append(
                XMLIssue(
                    code: XMLIssue.Code.schemaViolation,
                    message: "\(collector.droppedCount) further issues were not listed"))
        }
        if status != 0 && collector.errors.isEmpty {
            issues.append(
                XMLIssue(
                    code: status < 0 ? XMLIssue.Code.internal : XMLIssue.Code.schemaViolation,
                    message: "validation against '\(path)' failed with libxml2 status \(status)"))
        }
        return issues
    }
}
