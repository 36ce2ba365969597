internal import CLibXML2

/// Reads an XML document one event at a time, from input that arrives in chunks.
///
/// The reader pulls chunks from a closure, feeds them to a libxml2 push parser in slices of at most
/// 16 KiB, and hands out the events they produce; memory holds about one chunk (with the end of
/// the one before it, when a slice may not end there) and the events of one slice, never the
/// whole document. Positions (line and column of every event) are exact at any
/// size, because they come from the parser as it reads rather than from a built tree.
///
/// ```swift
/// let reader = try XMLPullReader(contentsOf: "credentials.xml")
/// while let event = try reader.next() {
///     if event.kind == .startElement, event.localName == "europassCredential" {
///         let credential = try reader.readElement()
///         …
///     }
/// }
/// ```
///
/// Reading is strict and safe:
/// - the first error of any kind (not well-formed, undeclared prefix, bad encoding) ends the
///   document: ``next()`` returns the events before it, then throws an ``XMLError`` with a stable
///   code (see ``XMLIssue/Code``) and the line and column; warnings are collected in ``warnings``;
/// - nothing is fetched or expanded: no network, no external entities, no DTD loading, no
///   attribute defaults, no XInclude. A document type declaration that declares anything is
///   refused (`xml.forbidden-doctype`, `xml.external-entity`, `xml.entity-expansion`) before any
///   of the document's content is read;
/// - nesting, text runs and document type declarations are bounded (`xml.limit-exceeded`).
///
/// The reader owns its libxml2 parser (freed on `deinit`) and the `read` closure. It is not
/// `Sendable`: use it from one task or thread at a time. Separate readers are independent.
///
/// Note: the reading state is `@exclusivity(unchecked)`, for the reason given on `XMLSAXContext`:
/// one thread at a time, and no access to it spans a call into libxml2 that could come back here.
public final class XMLPullReader {
    /// How many bytes of a chunk are handed to libxml2 at a time.
    static let sliceSize = 16 * 1024

    /// The name used for the document in errors (usually its path).
    public private(set) var documentName: String
    /// The event ``next()`` returned last, or `nil` before the first and after the end.
    @exclusivity(unchecked) public internal(set) var current: XMLEvent?

    private let context: XMLSAXContext
    private let parser: xmlParserCtxtPtr
    private var read: () throws -> [UInt8]?
    @exclusivity(unchecked) private var chunk: [UInt8] = []
    @exclusivity(unchecked) private var chunkOffset = 0
    /// Whether `read` has returned the end of the input.
    @exclusivity(unchecked) private var inputEnded = false
    /// How the input reaches libxml2: as it is, or converted to UTF-8 (see `XMLSourceEncoding`);
    /// undecided until the document's first bytes have been read.
    @exclusivity(unchecked) private var decoding = Decoding.undecided
    /// The first byte that is not valid in the encoding the input is converted from, once found.
    @exclusivity(unchecked) private var encodingFailure: XMLIssue?
    @exclusivity(unchecked) private var isAtEnd = false
    @exclusivity(unchecked) private var readError: (any Error)?
    @exclusivity(unchecked) private var deliveredCount = 0
    /// The namespace declarations of each open element, outermost first (for ``readOuterXML()``).
    @exclusivity(unchecked) var namespaceScopes: [[XMLNamespaceDeclaration]] = []

    /// Creates a reader that pulls the document from `read`, one chunk per call.
    ///
    /// - Parameters:
    ///   - documentName: The name for the document in errors, usually its path.
    ///   - knownNames: Names (element and attribute names, prefixes, namespace names) the caller
    ///     compares the document's with: the reader reports these very strings, which makes
    ///     comparing them with the caller's constants cheap.
    ///   - treeRoot: The name of the elements the caller reads whole with ``readElement()`` or
    ///     ``readRecordedElement()`` (the records of a batch). Each is recorded as it is parsed,
    ///     which is much cheaper than an event per node: ``next()`` reports its start and end
    ///     events and nothing in between, and ``readRecordedElement()`` on its start returns the
    ///     recording.
    ///   - read: Returns the next chunk of the document's bytes, or `nil` or an empty array at the
    ///     end. Chunks may split a character or a tag anywhere. The reader keeps the closure for its
    ///     whole life and calls it only from ``next()`` and the methods built on it; an error it
    ///     throws is rethrown unchanged.
    /// - Throws: ``XMLError`` with code `xml.internal` if libxml2 cannot create a parser.
    public init(
        documentName: String, knownNames: Set<String> = [], treeRoot: XMLExpandedName? = nil,
        read: @escaping () throws -> [UInt8]?
    ) throws {
        XMLLibrary.initialise()
        let context = XMLSAXContext(knownNames: knownNames, treeRoot: treeRoot)
        var handler = XMLSAXContext.makeHandler()
        let parser = try XMLLibrary.routingErrors(to: context) { () throws(XMLError) -> xmlParserCtxtPtr in
            try XMLLibrary.check(
                xmlCreatePushParserCtxt(&handler, Unmanaged.passUnretained(context).toOpaque(), nil, 0, documentName),
                "create a parser for '\(documentName)'", collector: context)
        }
        do {
            try Self.setOptions(of: parser)
        } catch {
            xmlFreeParserCtxt(parser)
            throw error
        }
        context.parser = parser
        self.documentName = documentName
        self.context = context
        self.parser = parser
        self.read = read
    }

    /// Sets the parser's options: no network, and CDATA sections as text; entity substitution,
    /// DTD loading, attribute defaulting, XInclude and "huge" inputs all stay off (their libxml2
    /// defaults). With `ignoringDeclaredEncoding`, for input converted to UTF-8 here, the
    /// encoding the XML declaration names is not applied again.
    private static func setOptions(of parser: xmlParserCtxtPtr, ignoringDeclaredEncoding: Bool = false) throws(XMLError) {
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
        if ignoringDeclaredEncoding { options |= XML_PARSE_IGNORE_ENC.rawValue }
        try XMLLibrary.check(xmlCtxtUseOptions(parser, Int32(options)), "set the parser options")
    }

    /// Makes the reader read another document, from its start, with the parser it has (and the
    /// names it has learnt): cheaper than a new reader for many small documents.
    func restart(documentName: String, read: @escaping () throws -> [UInt8]?) throws {
        context.forgetDocument()
        guard XMLLibrary.routingErrors(to: context, { xmlCtxtResetPush(parser, nil, 0, nil, nil) }) == 0 else {
            throw XMLError(XMLIssue(code: XMLIssue.Code.internal, message: "cannot reset the parser for '\(documentName)'"), documentName: documentName)
        }
        // Options can only be added (libxml2 2.9): the last document's converted input is not this one's.
        parser.pointee.options &= ~Int32(XML_PARSE_IGNORE_ENC.rawValue)
        try Self.setOptions(of: parser)
        // Namespace declarations still in scope when the last document stopped are not this one's.
        parser.pointee.nsNr = 0
        parser.pointee.userData = Unmanaged.passUnretained(context).toOpaque()
        self.documentName = documentName
        self.read = read
        current = nil
        chunk = []
        chunkOffset = 0
        inputEnded = false
        decoding = .undecided
        encodingFailure = nil
        isAtEnd = false
        readError = nil
        deliveredCount = 0
        namespaceScopes = []
    }

    /// Creates a reader for the file at `path`, read in chunks of 64 KiB.
    ///
    /// - Parameter path: The file's path; also the document name in errors.
    /// - Throws: ``XMLError`` with code `xml.unreadable` if the file does not exist, is a folder or
    ///   cannot be opened. A read error later is thrown from ``next()`` with the same code.
    public convenience init(contentsOf path: String) throws {
        let file = try XMLFileChunks(path: path)
        try self.init(documentName: path, read: file.next)
    }

    /// Creates a reader for a document held in memory.
    ///
    /// - Parameters:
    ///   - bytes: The document; the reader keeps this array until it has been read.
    ///   - documentName: The name for the document in errors.
    /// - Throws: ``XMLError`` with code `xml.internal` if libxml2 cannot create a parser.
    public convenience init(bytes: [UInt8], documentName: String) throws {
        var remaining: [UInt8]? = bytes
        try self.init(documentName: documentName) {
            defer { remaining = nil }
            return remaining
        }
    }

    deinit {
        xmlFreeParserCtxt(parser)
    }

    /// The warnings libxml2 reported so far (such as a relative namespace URI); errors are thrown.
    public var warnings: [XMLIssue] { context.warnings }

    /// Moves to the next event and returns it.
    ///
    /// - Returns: The next event, or `nil` after the root element has ended and the input is used up.
    /// - Throws: ``XMLError`` once the document is found to be malformed, truncated or refused (after
    ///   the events before the problem have been returned), and again on every later call; or the
    ///   error thrown by the `read` closure, unchanged.
    public func next() throws -> XMLEvent? {
        guard let event = try nextEvent() else { return nil }
        current = event
        return event
    }

    /// ``next()`` without updating ``current`` on success (which would copy every event): for
    /// walks inside the reader that set ``current`` once, at their last event.
    func nextEvent() throws -> XMLEvent? {
        while true {
            if let readError { throw readError }
            let failure = context.hasFailed ? context.failure(documentName: documentName) : nil
            if let failure, deliveredCount >= context.failureEventIndex ?? 0 {
                current = nil
                throw failure
            }
            if let event = context.dequeue() {
                if event.kind == .endElement {
                    // The recording of a tree root the caller moved past instead of reading is dropped.
                    _ = context.takeRecording(endingAt: deliveredCount)
                }
                deliveredCount += 1
                switch event.kind {
                case .startElement: namespaceScopes.append(event.namespaceDeclarations)
                case .endElement: namespaceScopes.removeLast()
                default: break
                }
                return event
            }
            if let failure {
                current = nil
                throw failure
            }
            if isAtEnd {
                current = nil
                return nil
            }
            try feedRecordingError()
        }
    }

    /// The recording the parser makes of the element `start` begins when it is a tree root (see
    /// `init`'s `treeRoot`), `nil` otherwise; ``current`` becomes the element's end event, the next
    /// event queued after its start.
    func recordedTree(startedBy start: XMLEvent) throws -> XMLRecordedElement? {
        guard context.isTreeRoot(localName: start.localName, namespaceURI: start.namespaceURI) else { return nil }
        while true {
            if let recording = context.takeRecording(endingAt: deliveredCount) {
                current = try nextEvent()
                return recording
            }
            if let failure = context.hasFailed ? context.failure(documentName: documentName) : nil {
                current = nil
                throw failure
            }
            guard !isAtEnd else { throw truncation(inside: start) }
            try feedRecordingError()
        }
    }

    /// The error for a document that ends inside the element `start` begins.
    func truncation(inside start: XMLEvent) -> XMLError {
        XMLError(
            XMLIssue(code: XMLIssue.Code.truncated, message: "document ends inside element '\(start.localName)'"),
            documentName: documentName)
    }

    /// ``feed()``, keeping an error from reading the input to throw again on every later call.
    private func feedRecordingError() throws {
        do {
            try feed()
        } catch {
            readError = error
            throw error
        }
    }

    /// Parses `prelude`, markup that only sets the scene for the document read after it (start
    /// tags standing for ancestors), and numbers the line it ends on `lineAfter`.
    func parsePrelude(_ prelude: [UInt8], lineAfter: Int) throws {
        // The document read after it is a part of one, in UTF-8, without an XML declaration.
        decoding = .asIs
        let status = prelude.withUnsafeBytes { buffer in
            XMLLibrary.routingErrors(to: context) {
                xmlParseChunk(parser, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count), 0)
            }
        }
        noteUnexplainedStop(status)
        if let failure = context.hasFailed ? context.failure(documentName: documentName) : nil { throw failure }
        parser.pointee.input.pointee.line = Int32(clamping: lineAfter)
    }

    /// Whether the parser has parsed every byte of the chunks `read` returned so far.
    var isInputParsed: Bool {
        guard chunkOffset >= chunk.count, let input = parser.pointee.input else { return false }
        return input.pointee.cur == input.pointee.end
    }

    /// Hands the next slice of input to the parser, pulling a new chunk when the current one is used up.
    ///
    /// While more input follows, a slice ends only where every UTF-8 sequence starting in its
    /// last three bytes is complete and valid (see ``UTF8Boundary``), taking in the next chunk
    /// when a chunk does not end so: what libxml2 reports for invalid text must not depend on
    /// where the input's chunks happen to end. (A slice with no such end, which only text that is
    /// invalid from near its start can give, is handed over whole.)
    private func feed() throws {
        if chunkOffset >= chunk.count {
            guard let next = try pull() else {
                if let encodingFailure { stop(at: encodingFailure) } else { finishInput() }
                return
            }
            chunk = next
            chunkOffset = 0
        }
        var end = min(chunk.count, chunkOffset + Self.sliceSize)
        var safeEnd = UTF8Boundary.safeEnd(in: chunk, from: chunkOffset, to: end)
        while safeEnd != end, end == chunk.count, let next = try pull() {
            chunk.removeSubrange(..<chunkOffset)
            chunkOffset = 0
            chunk += next
            end = min(chunk.count, Self.sliceSize)
            safeEnd = UTF8Boundary.safeEnd(in: chunk, from: 0, to: end)
        }
        if end < chunk.count, let safeEnd { end = safeEnd }
        let status = chunk.withUnsafeBytes { buffer -> Int32 in
            guard let start = buffer.baseAddress?.advanced(by: chunkOffset) else { return 0 }
            return XMLLibrary.routingErrors(to: context) {
                xmlParseChunk(parser, start.assumingMemoryBound(to: CChar.self), Int32(end - chunkOffset), 0)
            }
        }
        context.bytesFed += end - chunkOffset
        chunkOffset = end
        context.checkDoctypeLength()
        noteUnexplainedStop(status)
    }

    /// How the input reaches libxml2.
    private enum Decoding {
        /// The document's first bytes are still to be read.
        case undecided
        /// As it is: UTF-8, or an encoding libxml2 converts itself.
        case asIs
        /// Converted to UTF-8 here.
        case converting(XMLTranscoder)
    }

    /// The next chunk for the parser: the input's bytes as `read` gives them, converted to UTF-8
    /// when the document is in an encoding converted here; `nil` at the end of the input, or at
    /// the first byte not valid in that encoding (then in `encodingFailure`, after a chunk with
    /// the characters before it).
    private func pull() throws -> [UInt8]? {
        switch decoding {
        case .undecided: return try pullFirst()
        case .asIs: return try pullRead()
        case .converting(var transcoder):
            while encodingFailure == nil {
                guard let next = try pullRead() else {
                    encodingFailure = transcoder.finish()
                    return nil
                }
                let (converted, failure) = transcoder.convert(next)
                encodingFailure = failure
                decoding = .converting(transcoder)
                if !converted.isEmpty { return converted }
            }
            return nil
        }
    }

    /// ``pull()`` at the start of the document: reads until its first bytes tell its encoding
    /// (``XMLSourceEncoding``), and from then on reads as that says.
    private func pullFirst() throws -> [UInt8]? {
        var start: [UInt8] = []
        while true {
            let next = try pullRead()
            if let next { start += next }
            switch XMLSourceEncoding.detect(start[...], atEnd: next == nil) {
            case .needMore:
                continue
            case .asIs:
                decoding = .asIs
                return start.isEmpty ? nil : start
            case .utf8Declaring(let declared):
                try Self.setOptions(of: parser, ignoringDeclaredEncoding: true)
                context.record(XMLSourceEncoding.conflict(reading: "UTF-8", toldBy: "byte order mark", declared: declared))
                decoding = .asIs
                return start
            case .convert(let encoding, let declared):
                try Self.setOptions(of: parser, ignoringDeclaredEncoding: true)
                if let declared { context.record(XMLSourceEncoding.conflict(reading: encoding.name, toldBy: encoding.evidence, declared: declared)) }
                var transcoder = XMLTranscoder(encoding)
                let (converted, failure) = transcoder.convert(start)
                encodingFailure = failure
                decoding = .converting(transcoder)
                return converted.isEmpty ? try pull() : converted
            }
        }
    }

    /// The next chunk `read` gives, or `nil` at the end of the input (without asking `read` again
    /// once it has said so).
    private func pullRead() throws -> [UInt8]? {
        guard !inputEnded else { return nil }
        guard let next = try read(), !next.isEmpty else {
            inputEnded = true
            return nil
        }
        return next
    }

    /// Ends the document at `issue`, a byte not valid in its encoding: the events of the
    /// characters before it have been read, and the parser reads no further.
    private func stop(at issue: XMLIssue) {
        context.fail(with: issue)
        isAtEnd = true
        chunk = []
        chunkOffset = 0
    }

    /// Tells the parser the input has ended, so it reports a document cut short.
    private func finishInput() {
        context.isTerminating = true
        let status = XMLLibrary.routingErrors(to: context) { xmlParseChunk(parser, nil, 0, 1) }
        context.isTerminating = false
        noteUnexplainedStop(status)
        if !context.hasFailed && !context.rootClosed {
            context.fail(
                with: XMLIssue(
                    code: context.sawRoot ? XMLIssue.Code.truncated : XMLIssue.Code.emptyDocument,
                    message: context.sawRoot
                        ? "document ends before its root element is closed" : "document has no root element"))
        }
        isAtEnd = true
        chunk = []
        chunkOffset = 0
    }

    /// Records a failure when libxml2 stopped with a status but reported no error (it does so when
    /// input cannot be converted from its encoding).
    private func noteUnexplainedStop(_ status: Int32) {
        guard status != 0, !context.hasFailed else { return }
        context.fail(
            with: XMLIssue(
                code: status < 0 ? XMLIssue.Code.encoding : XMLIssue.Code.malformed,
                message: status < 0 ? "input could not be decoded" : "libxml2 stopped reading with error \(status)"))
    }
}

@available(*, unavailable)
extension XMLPullReader: Sendable {}
