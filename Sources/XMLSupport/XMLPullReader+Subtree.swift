extension XMLPullReader {
    /// Reads the element that ``current`` starts, with everything inside it, into a tree.
    ///
    /// Afterwards ``current`` is the element's end event, so the next ``next()`` continues after it.
    /// Use it to take one record at a time out of a large wrapper document: memory holds one
    /// element's tree, not the document's.
    ///
    /// - Returns: The element, its attributes and namespace declarations, and its children:
    ///   elements and text. Comments and processing instructions are left out, and the text on
    ///   either side of one is joined.
    /// - Throws: ``XMLError`` with code `xml.invalid-state` when ``current`` is not a start tag, or
    ///   any error ``next()`` throws while reading the element.
    public func readElement() throws -> XMLElement {
        try readRecordedElement().element()
    }

    /// Reads the element that ``current`` starts, with everything inside it, into a recording
    /// whose ``XMLRecordedElement/element()`` is what ``readElement()`` returns.
    ///
    /// A recording is cheaper to make than a tree; a reader that hands elements to other threads
    /// records them, so that each is read (``XMLRecordedTree``) or built on the thread that uses
    /// it. Afterwards ``current`` is the element's end event.
    /// - Throws: ``XMLError`` with code `xml.invalid-state` when ``current`` is not a start tag,
    ///   `xml.limit-exceeded` when the element holds more than a recording can, or any error
    ///   ``next()`` throws while reading the element.
    public func readRecordedElement() throws -> XMLRecordedElement {
        let start = try currentStart(for: "read an element")
        if let recording = try recordedTree(startedBy: start) { return recording }
        var recorder = XMLTreeRecorder()
        recorder.startElement(start)
        while let event = try nextEvent() {
            guard !recorder.isFull else { throw recordingTooLarge(start) }
            switch event.kind {
            case .startElement:
                recorder.startElement(event)
            case .endElement:
                guard !recorder.isFull else { throw recordingTooLarge(start) }
                if let recording = recorder.endElement() {
                    current = event
                    return recording
                }
            case .text, .whitespace:
                var text = event.value
                text.withUTF8 { recorder.text($0) }
            case .comment, .processingInstruction:
                break
            }
        }
        throw truncation(inside: start)
    }

    /// Serialises the element that ``current`` starts, with everything inside it, as XML text.
    ///
    /// The text declares every namespace prefix it uses, including those declared on ancestors,
    /// so it stands on its own. It is equivalent to the original, not a byte-for-byte copy:
    /// attribute quotes, character references and CDATA sections are normalised, and comments and
    /// processing instructions are left out. Afterwards ``current`` is the element's end event.
    ///
    /// - Returns: The element as UTF-8 XML text, without an XML declaration.
    /// - Throws: ``XMLError`` with code `xml.invalid-state` when ``current`` is not a start tag, or
    ///   any error ``next()`` throws while reading the element.
    public func readOuterXML() throws -> String {
        let outerScopes = namespaceScopes.dropLast()
        var element = try readElement()
        let declared = Set(element.namespaceDeclarations.map(\.prefix))
        for prefix in Self.prefixesUsed(in: element) where !declared.contains(prefix) {
            guard let binding = outerScopes.reversed().lazy.compactMap({ $0.last { $0.prefix == prefix } }).first else {
                continue
            }
            element.namespaceDeclarations.append(binding)
        }
        let writer = try XMLStreamWriter()
        try writer.write(element)
        return String(decoding: try writer.finish(), as: UTF8.self)
    }

    /// Moves past the element that ``current`` starts without keeping anything of it.
    ///
    /// Afterwards ``current`` is the element's end event.
    /// - Throws: ``XMLError`` with code `xml.invalid-state` when ``current`` is not a start tag, or
    ///   any error ``next()`` throws while reading the element.
    public func skipSubtree() throws {
        let start = try currentStart(for: "skip an element")
        while let event = try nextEvent() {
            if event.kind == .endElement && event.depth == start.depth {
                current = event
                return
            }
        }
    }

    /// ``current``, checked to be a start tag.
    private func currentStart(for operation: String) throws(XMLError) -> XMLEvent {
        guard let current, current.kind == .startElement else {
            throw XMLError(
                XMLIssue(
                    code: XMLIssue.Code.invalidState,
                    message: "cannot \(operation): the reader is not on a start tag",
                    hint: "call it right after next() has returned a startElement event"),
                documentName: documentName)
        }
        return current
    }

    /// The prefixes (`nil` for the default namespace) that elements and attributes in `element` use.
    private static func prefixesUsed(in element: XMLElement) -> Set<String?> {
        var prefixes: Set<String?> = []
        var pending = [element]
        while let next = pending.popLast() {
            if next.namespaceURI != nil || next.prefix != nil { prefixes.insert(next.prefix) }
            for attribute in next.attributes where attribute.prefix != nil { prefixes.insert(attribute.prefix) }
            pending.append(contentsOf: next.elements)
        }
        return prefixes
    }

    /// The error for an element that holds more than a recording can.
    private func recordingTooLarge(_ start: XMLEvent) -> XMLError {
        XMLError(
            XMLIssue(
                code: XMLIssue.Code.limitExceeded,
                message: "element '\(start.localName)' holds more than \(XMLTreeRecorder.maximumSize) bytes of text or names",
                line: start.line, column: start.column),
            documentName: documentName)
    }
}
