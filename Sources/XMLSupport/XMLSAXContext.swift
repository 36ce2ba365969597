import ByteOutput
internal import CLibXML2

/// The Swift side of one libxml2 push parser: receives its SAX callbacks and errors, and turns them
/// into ``XMLEvent``s queued for an ``XMLPullReader``. Elements named as tree roots are recorded
/// as they are parsed instead (``XMLRecordedElement``): only their start and end events are
/// queued, and the recording waits for the reader's `readRecordedElement()` (see
/// ``takeRecording(endingAt:)``).
///
/// The reader owns both the parser and this context; libxml2 holds an unretained pointer to the
/// context as the parser's user data, so the context must outlive the parser (it does: the reader
/// frees the parser in its `deinit`, before its stored properties are released).
///
/// Safety rules enforced here:
/// - a document type declaration is accepted only without declarations; the first external or
///   self-referencing entity stops the parser at once (`xml.external-entity`,
///   `xml.entity-expansion`), any other declaration at the end of the declaration
///   (`xml.forbidden-doctype`). Nothing is ever loaded or expanded: the parser has no entity
///   lookup, so every reference other than the five predefined entities is undeclared;
/// - nesting deeper than ``maximumDepth``, a text run longer than ``maximumTextLength`` bytes and a
///   document type declaration longer than ``maximumDoctypeLength`` bytes are refused
///   (`xml.limit-exceeded`, `xml.forbidden-doctype`).
///
/// Note: the state touched by every callback is `@exclusivity(unchecked)`. A context is used by
/// one thread at a time, and no method keeps one of these properties in an ongoing access while
/// libxml2 can call back, so the run-time checks (several percent of reading time) cannot fire.
final class XMLSAXContext: XMLIssueCollector {
    /// The deepest element nesting accepted (libxml2's own default limit).
    static let maximumDepth = 256
    /// The longest run of character data accepted, in UTF-8 bytes (libxml2's own default limit).
    static let maximumTextLength = 10_000_000
    /// The most bytes a document type declaration may span.
    static let maximumDoctypeLength = 65_536

    /// An element whose start has been reported and whose end has not.
    private struct OpenElement {
        var localName: String
        var prefix: String?
        var namespaceURI: String?
        var isEmpty: Bool
        var line: Int
        var column: Int

        var qualifiedName: String { prefix.map { "\($0):\(localName)" } ?? localName }
    }

    /// The parser this context receives callbacks from; set by the reader right after creating it.
    @exclusivity(unchecked) var parser: xmlParserCtxtPtr?
    /// How many bytes the reader has fed to the parser so far.
    @exclusivity(unchecked) var bytesFed = 0
    /// Set by the reader while it tells the parser that the input has ended.
    @exclusivity(unchecked) var isTerminating = false

    /// The strings made for the names the parser reports.
    @exclusivity(unchecked) var names: XMLNameCache

    /// The name of the elements recorded as they are parsed, if any.
    let treeRoot: XMLExpandedName?

    /// A context whose names equal to one of `knownNames` are those strings, and that records the
    /// elements named `treeRoot`.
    init(knownNames: Set<String>, treeRoot: XMLExpandedName?) {
        names = XMLNameCache(known: knownNames)
        self.treeRoot = treeRoot
    }

    /// The queued events; those already handed out are `nil` (moved out, not copied).
    @exclusivity(unchecked) private var queue: [XMLEvent?] = []
    @exclusivity(unchecked) private var queueHead = 0
    /// How many events have been queued since the start.
    @exclusivity(unchecked) private(set) var enqueuedCount = 0

    /// Records the tree root being parsed; the callbacks add to it instead of queueing events.
    @exclusivity(unchecked) private var recorder = XMLTreeRecorder()
    private var isRecording: Bool { recorder.depth > 0 }
    /// The recordings made and not yet taken, each with the queue index of its end event.
    @exclusivity(unchecked) private var recordings: [(endIndex: Int, recording: XMLRecordedElement)] = []

    @exclusivity(unchecked) private var openElements: [OpenElement] = []
    @exclusivity(unchecked) private var pendingText = ByteBuffer(capacity: 256)
    @exclusivity(unchecked) private var pendingTextStart = (line: 1, column: 1)
    @exclusivity(unchecked) private var lastEnd = (line: 1, column: 1)
    /// Whether the root element has started.
    @exclusivity(unchecked) private(set) var sawRoot = false
    /// Whether the root element has ended.
    @exclusivity(unchecked) private(set) var rootClosed = false

    private var doctypeName: String?
    @exclusivity(unchecked) private var doctypeOpenedAtByte: Int?
    private var firstDeclaration: String?

    private var failureIssues: [XMLIssue] = []
    private var refusal: XMLIssue?
    /// How many events were queued before the first error; the reader delivers those, then throws.
    @exclusivity(unchecked) private(set) var failureEventIndex: Int?

    /// Whether an error has ended the document.
    var hasFailed: Bool { failureEventIndex != nil }

    /// Forgets the document read so far, keeping the names learnt, for the parser to read another.
    func forgetDocument() {
        bytesFed = 0
        isTerminating = false
        queue.removeAll(keepingCapacity: true)
        queueHead = 0
        enqueuedCount = 0
        recorder = XMLTreeRecorder()
        recordings = []
        openElements.removeAll(keepingCapacity: true)
        pendingText.removeAll()
        pendingTextStart = (1, 1)
        lastEnd = (1, 1)
        sawRoot = false
        rootClosed = false
        doctypeName = nil
        doctypeOpenedAtByte = nil
        firstDeclaration = nil
        failureIssues = []
        refusal = nil
        failureEventIndex = nil
        forgetIssues()
    }

    /// The error to throw once the events before it have been delivered: a refusal of a hostile
    /// document first, then libxml2's errors in the order reported.
    func failure(documentName: String) -> XMLError? {
        var issues = failureIssues
        if let refusal { issues.insert(refusal, at: 0) }
        guard let first = issues.first else { return nil }
        return XMLError(first, additionalIssues: Array(issues.dropFirst()), documentName: documentName)
    }

    // MARK: - Queue

    /// The next queued event, if any.
    func dequeue() -> XMLEvent? {
        guard queueHead < queue.count else { return nil }
        let event = queue[queueHead].take()
        queueHead += 1
        if queueHead == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
        } else if queueHead >= 4096 {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        return event
    }

    private func enqueue(_ event: consuming XMLEvent) {
        queue.append(event)
        enqueuedCount += 1
    }

    // MARK: - Trees

    /// Whether an element named `localName` in `namespaceURI` is recorded.
    func isTreeRoot(localName: String, namespaceURI: String?) -> Bool {
        guard let treeRoot else { return false }
        return treeRoot.localName == localName && treeRoot.namespaceURI == namespaceURI
    }

    /// The recording whose end event has queue index `endIndex`, once it is complete. Recordings
    /// ending before it were never taken (their elements were skipped) and are dropped.
    func takeRecording(endingAt endIndex: Int) -> XMLRecordedElement? {
        while let first = recordings.first, first.endIndex <= endIndex {
            recordings.removeFirst()
            if first.endIndex == endIndex { return first.recording }
        }
        return nil
    }

    // MARK: - Errors and refusals

    override func receive(_ error: xmlError) {
        var issue = XMLIssue(libxml2: error)
        if issue.line == nil, let position = cursorPosition() {
            // Note: errors raised without a parser context (encoding conversion) carry no
            // position; the parser's cursor is where reading stopped.
            issue.line = position.line
            issue.column = position.column
        }
        guard issue.severity == .error else {
            record(issue)
            return
        }
        fail(with: isTerminating ? truncation(replacing: issue) : issue)
    }

    /// Records an error; events queued from now on are dropped.
    func fail(with issue: XMLIssue) {
        markFailed()
        if failureIssues.count < 16 { failureIssues.append(issue) }
    }

    /// Refuses a hostile document: records the reason, placed at the parser's cursor, ahead of any
    /// other error, and stops the parser.
    private func refuse(code: String, message: String, hint: String?) {
        let position = cursorPosition()
        markFailed()
        if refusal == nil {
            refusal = XMLIssue(code: code, message: message, hint: hint, line: position?.line, column: position?.column)
        }
        if let parser { xmlStopParser(parser) }
    }

    /// Refuses an element read as one record that holds more than a recording can.
    private func refuseRecordingSize() {
        refuseLimit("an element read as one record holds more than \(XMLTreeRecorder.maximumSize) bytes of text or names")
    }

    /// Refuses a document that goes past one of the limits, and stops the parser.
    private func refuseLimit(_ message: String) {
        let position = cursorPosition()
        fail(
            with: XMLIssue(
                code: XMLIssue.Code.limitExceeded, message: message, line: position?.line, column: position?.column))
        if let parser { xmlStopParser(parser) }
    }

    /// Notes how many events come before the first error, the first time only.
    private func markFailed() {
        guard failureEventIndex == nil else { return }
        failureEventIndex = enqueuedCount
        pendingText.removeAll()
    }

    /// An error raised while the input was ending, restated as what it means: the document is
    /// empty or cut short.
    private func truncation(replacing issue: XMLIssue) -> XMLIssue {
        guard issue.code == XMLIssue.Code.malformed || issue.code == XMLIssue.Code.emptyDocument else { return issue }
        if !sawRoot {
            return XMLIssue(
                code: XMLIssue.Code.emptyDocument, message: "document has no root element",
                line: issue.line, column: issue.column)
        }
        guard let innermost = recorder.depth > 1 ? recorder.innermostOpenElement : openElements.last.map({ ($0.qualifiedName, $0.line) })
        else { return issue }
        return XMLIssue(
            code: XMLIssue.Code.truncated,
            message: "document ends before element '\(innermost.qualifiedName)' from line \(innermost.line) is closed",
            hint: "the file may have been cut short while being written or copied",
            line: issue.line, column: issue.column)
    }

    /// Refuses a document type declaration that has grown past ``maximumDoctypeLength``; called by
    /// the reader after each chunk.
    func checkDoctypeLength() {
        guard let opened = doctypeOpenedAtByte, bytesFed - opened > Self.maximumDoctypeLength, refusal == nil else {
            return
        }
        refuse(
            code: XMLIssue.Code.forbiddenDoctype,
            message:
                "document type declaration '\(doctypeName ?? "")' is longer than \(Self.maximumDoctypeLength) bytes",
            hint: "remove the document type declaration; documents are read without DTDs")
    }

    // MARK: - Document type declaration

    /// A document type declaration named `name` has begun.
    func internalSubsetStarted(name: String) {
        doctypeName = name
        doctypeOpenedAtByte = bytesFed
    }

    /// The document type declaration declares an entity: refused at once when it is external or
    /// refers to other entities, noted otherwise.
    func entityDeclared(name: String, type: Int32, publicID: String?, systemID: String?, content: String?) {
        let isParameter =
            type == Int32(XML_INTERNAL_PARAMETER_ENTITY.rawValue)
            || type == Int32(XML_EXTERNAL_PARAMETER_ENTITY.rawValue)
        let displayName = isParameter ? "%\(name)" : name
        let isExternal =
            systemID != nil || publicID != nil
            || [
                XML_EXTERNAL_GENERAL_PARSED_ENTITY, XML_EXTERNAL_GENERAL_UNPARSED_ENTITY, XML_EXTERNAL_PARAMETER_ENTITY,
            ]
            .contains { Int32($0.rawValue) == type }
        if isExternal {
            let source = (systemID ?? publicID).map { " from '\(Self.abbreviated($0, to: 80))'" } ?? ""
            refuse(
                code: XMLIssue.Code.externalEntity,
                message: "document type '\(doctypeName ?? "")' declares external entity '\(displayName)'\(source)",
                hint: "external entities are never loaded; remove the document type declaration")
        } else if let content, content.contains("&") || content.contains("%") {
            refuse(
                code: XMLIssue.Code.entityExpansion,
                message: "entity '\(displayName)' is defined in terms of other entities "
                    + "('\(Self.abbreviated(content, to: 40))')",
                hint: "entity expansion is refused; remove the document type declaration")
        } else {
            noteDeclaration("entity '\(displayName)'")
        }
    }

    /// The document type declaration declares something (`element 'a'`); it is refused when the
    /// declaration ends.
    func noteDeclaration(_ description: String) {
        if firstDeclaration == nil { firstDeclaration = description }
    }

    /// The document type declaration has ended.
    func internalSubsetEnded() {
        defer { doctypeOpenedAtByte = nil }
        guard let declaration = firstDeclaration, refusal == nil else { return }
        refuse(
            code: XMLIssue.Code.forbiddenDoctype,
            message: "document type '\(doctypeName ?? "")' declares \(declaration)",
            hint: "remove the document type declaration; documents are read without DTDs")
    }

    private var isInDoctype: Bool { doctypeOpenedAtByte != nil }

    private static func abbreviated(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length)) + "…"
    }

    // MARK: - Content

    /// A start tag (or an empty-element tag) has been read; the names are libxml2's, valid during
    /// the call.
    func elementStarted(
        localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?, namespaceURI: UnsafePointer<UInt8>?,
        attributes: SAXAttributes, namespaces: SAXNamespaces
    ) {
        guard !hasFailed else { return }
        let start = markupStart(opening: Self.tagOpening)
        flushText()
        guard !hasFailed else { return }
        guard depth < Self.maximumDepth else {
            refuseLimit("elements are nested more than \(Self.maximumDepth) deep at '\(names.name(localName))'")
            return
        }
        if isRecording {
            // Inside a recorded element only the recorder keeps the element: its end is no event.
            let local = recorder.name(at: localName, cache: &names)
            let namespace = namespaceURI.map { recorder.name(at: $0, cache: &names) } ?? -1
            let prefixName = prefix.map { recorder.name(at: $0, cache: &names) } ?? -1
            recorder.startElement(
                localName: local, namespaceURI: namespace, prefix: prefixName, line: start.line, column: start.column,
                attributeCount: attributes.count)
            attributes.record(into: &recorder, names: &names)
            namespaces.record(into: &recorder, names: &names)
            guard !recorder.isFull else { return refuseRecordingSize() }
        } else {
            let localName = names.name(localName)
            let namespaceURI = namespaceURI.map { names.name($0) }
            let prefix = prefix.map { names.name($0) }
            let isEmpty = cursorByte == UInt8(ascii: "/")
            let event = XMLEvent(
                kind: .startElement, localName: localName, namespaceURI: namespaceURI, prefix: prefix,
                attributes: attributes.list(names: &names), namespaceDeclarations: namespaces.list(names: &names),
                depth: openElements.count, isEmptyElement: isEmpty, line: start.line, column: start.column)
            if isTreeRoot(localName: localName, namespaceURI: namespaceURI) { recorder.startElement(event) }
            enqueue(event)
            openElements.append(
                OpenElement(
                    localName: localName, prefix: prefix, namespaceURI: namespaceURI, isEmpty: isEmpty,
                    line: start.line, column: start.column))
        }
        sawRoot = true
        if let cursor = cursorPosition() { lastEnd = (cursor.line, cursor.column + 1) }
    }

    /// How deep the elements open are nested: those with events, and those inside the recorded one.
    private var depth: Int {
        openElements.count + max(recorder.depth - 1, 0)
    }

    /// An end tag (or the end of an empty-element tag) has been read.
    func elementEnded() {
        guard !hasFailed else { return }
        // The end of an element inside a recorded tree is no event, so needs no position.
        if recorder.depth > 1 {
            flushText()
            guard !hasFailed else { return }
            _ = recorder.endElement()
        } else {
            guard let element = openElements.last else { return }
            let start = element.isEmpty ? (line: element.line, column: element.column) : markupStart(opening: Self.tagOpening)
            flushText()
            guard !hasFailed else { return }
            openElements.removeLast()
            if isRecording, let recording = recorder.endElement() { recordings.append((enqueuedCount, recording)) }
            enqueue(
                XMLEvent(
                    kind: .endElement, localName: element.localName, namespaceURI: element.namespaceURI,
                    prefix: element.prefix, depth: openElements.count, isEmptyElement: element.isEmpty,
                    line: start.line, column: start.column))
            if openElements.isEmpty { rootClosed = true }
        }
        if let cursor = cursorPosition() { lastEnd = cursor }
    }

    /// Character data has been read; adjacent pieces are joined into one text event.
    ///
    /// Inside a recorded element the text goes straight into the recording, which joins it.
    func charactersFound(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !hasFailed, !isInDoctype else { return }
        let textLength: Int
        if isRecording {
            recorder.text(bytes)
            guard !recorder.isFull else { return refuseRecordingSize() }
            textLength = recorder.textSinceMark.count
        } else {
            if pendingText.count == 0 { pendingTextStart = lastEnd }
            pendingText.append(bytes)
            textLength = pendingText.count
        }
        if textLength > Self.maximumTextLength {
            refuseLimit("a text run is longer than \(Self.maximumTextLength) bytes")
        }
    }

    /// A comment has been read.
    func commentFound(_ text: String) {
        guard !hasFailed, !isInDoctype else { return }
        let start = markupStart(opening: Self.commentOpening)
        flushText()
        if !isRecording {
            enqueue(
                XMLEvent(kind: .comment, value: text, depth: openElements.count, line: start.line, column: start.column))
        }
        if let cursor = cursorPosition() { lastEnd = cursor }
    }

    /// A processing instruction has been read.
    func processingInstructionFound(target: String, data: String) {
        guard !hasFailed, !isInDoctype else { return }
        let start = markupStart(opening: Self.processingInstructionOpening)
        flushText()
        if !isRecording {
            enqueue(
                XMLEvent(
                    kind: .processingInstruction, localName: target, value: data, depth: openElements.count,
                    line: start.line, column: start.column))
        }
        if let cursor = cursorPosition() { lastEnd = cursor }
    }

    /// Queues the text read since the last markup as one event (inside a recorded element, where
    /// the text is recorded as it comes, marks where the next text begins).
    private func flushText() {
        if isRecording {
            recorder.markText()
            return
        }
        guard pendingText.count > 0 else { return }
        let isWhitespace = pendingText.bytes.isXMLWhitespace
        enqueue(
            XMLEvent(
                kind: isWhitespace ? .whitespace : .text, value: String(decoding: pendingText.bytes, as: UTF8.self),
                depth: openElements.count, line: pendingTextStart.line, column: pendingTextStart.column))
        pendingText.removeAll()
    }

    // MARK: - Positions

    private static let tagOpening = Array("<".utf8)
    private static let commentOpening = Array("<!--".utf8)
    private static let processingInstructionOpening = Array("<?".utf8)

    /// The byte under the parser's cursor, or 0.
    private var cursorByte: UInt8 {
        parser?.pointee.input?.pointee.cur?.pointee ?? 0
    }

    /// The parser's line and column at its cursor.
    private func cursorPosition() -> (line: Int, column: Int)? {
        guard let input = parser?.pointee.input else { return nil }
        return (Int(input.pointee.line), Int(input.pointee.col))
    }

    /// Where the markup that ends at the parser's cursor begins.
    ///
    /// libxml2 reports each callback with its cursor at (or just after) the end of the markup and
    /// knows the line and column there. The markup itself is always still in the parser's buffer,
    /// so this scans back to its first bytes (`opening`, such as `<!--`) and counts the characters
    /// and line breaks in between. For markup that spans lines, the column of its first byte also
    /// needs the start of that line; when the buffer no longer holds it, the column is worked out
    /// from the end of the previous markup and the text read since.
    private func markupStart(opening: [UInt8]) -> (line: Int, column: Int) {
        guard let input = parser?.pointee.input, let cursor = input.pointee.cur, let base = input.pointee.base,
            cursor - base >= opening.count
        else { return lastEnd }
        let line = Int(input.pointee.line)
        let column = Int(input.pointee.col)
        guard let span = MarkupStartScan.span(opening: opening, before: cursor, from: base) else { return lastEnd }
        let (start, newlines, characters) = (span.start, span.newlines, span.characters)
        if newlines == 0 { return (line, max(1, column - characters)) }
        let startLine = line - newlines
        var preceding = 0
        var byte = start
        while byte > base {
            byte -= 1
            if byte.pointee == 0x0A { return (startLine, preceding + 1) }
            if byte.pointee & 0xC0 != 0x80 { preceding += 1 }
        }
        if input.pointee.consumed == 0 {
            let hasByteOrderMark = start - base >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF
            return (startLine, preceding + 1 - (hasByteOrderMark ? 1 : 0))
        }
        let text = isRecording ? recorder.textSinceMark : pendingText.bytes
        if let lastBreak = text.lastIndex(of: 0x0A) {
            return (startLine, text[(lastBreak + 1)...].count { $0 & 0xC0 != 0x80 } + 1)
        }
        return (startLine, lastEnd.column + text.count { $0 & 0xC0 != 0x80 })
    }
}
