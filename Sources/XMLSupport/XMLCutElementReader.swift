import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads cut elements (``XMLCutElement``) as the parser of their whole document would have, on
/// any number of threads at once.
///
/// Each element is parsed inside start tags that stand for its ancestors and declare the namespaces
/// they do, at its line and column. Parsers are kept and used again: making one, and learning the
/// names of a document, costs about as much as parsing an element of a few kilobytes.
public final class XMLCutElementReader: Sendable {
    /// A parser not in use, how many elements it has read, and the thread that used it last.
    private struct Idle: @unchecked Sendable {
        // Note: `@unchecked` because a reader is not `Sendable`; an idle one is used by no thread,
        // and is taken out of the list by the one thread that uses it next.
        var reader: XMLPullReader
        var uses: Int
        var thread = pthread_self()
    }

    /// How many elements a parser reads before it is let go, with the names it has learnt (which
    /// libxml2 keeps, and bounds, per parser).
    static let usesPerParser = 100

    private let idle = Mutex<[Idle]>([])
    private let knownNames: Set<String>
    private let treeRoot: XMLExpandedName

    /// A reader of elements named `treeRoot`, recorded as ``XMLPullReader`` records them.
    /// - Parameter knownNames: As for ``XMLPullReader/init(documentName:knownNames:treeRoot:read:)``.
    public init(knownNames: Set<String>, treeRoot: XMLExpandedName) {
        self.knownNames = knownNames
        self.treeRoot = treeRoot
    }

    /// Reads `cut`: the recording ``XMLPullReader/readRecordedElement()`` would have made of it in
    /// its document, at the same lines and columns, and the warnings from inside it.
    /// - Throws: ``XMLError``: the first error inside the element, as the document's parser would
    ///   have reported it; or, with code `xml.internal`, when the element does not end where its
    ///   cutter found its end.
    public func record(_ cut: XMLCutElement) throws -> (recording: XMLRecordedElement, warnings: [XMLIssue]) {
        var lead: [UInt8] = [0x0A]
        lead.append(contentsOf: repeatElement(0x20, count: max(cut.column - 1, 0)))
        var pieces = [lead, cut.bytes]
        let read = { pieces.isEmpty ? nil : pieces.removeFirst() }
        var parser: Idle
        // A thread takes back the parser it used last, whose names and buffers are in its core's
        // caches, if it is idle.
        let thread = pthread_self()
        let kept = idle.withLock { idle in
            idle.firstIndex { pthread_equal($0.thread, thread) != 0 }.map { idle.remove(at: $0) } ?? idle.popLast()
        }
        if let kept {
            parser = kept
            try parser.reader.restart(documentName: cut.documentName, read: read)
        } else {
            parser = Idle(reader: try XMLPullReader(documentName: cut.documentName, knownNames: knownNames, treeRoot: treeRoot, read: read), uses: 0)
        }
        let reader = parser.reader
        try reader.parsePrelude(cut.ancestors.tags, lineAfter: cut.line - 1)
        // The ancestors' warnings were the document's parser's to report.
        let preludeWarnings = reader.warnings.count
        while let event = try reader.next() {
            guard event.kind == .startElement, event.depth == cut.ancestors.depth else { continue }
            let recording = try reader.readRecordedElement()
            guard pieces.isEmpty, reader.isInputParsed else { break }
            let warnings = Array(reader.warnings.dropFirst(preludeWarnings))
            parser.uses += 1
            parser.thread = thread
            if parser.uses < Self.usesPerParser { idle.withLock { $0.append(parser) } }
            return (recording, warnings)
        }
        throw XMLError(
            XMLIssue(
                code: XMLIssue.Code.internal, message: "an element cut out of the document to be read apart does not end where it was cut",
                hint: "read the document with --jobs 1", line: cut.line, column: cut.column),
            documentName: cut.documentName)
    }
}
