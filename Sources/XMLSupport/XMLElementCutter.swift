import ByteOutput

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts the elements of one name out of a document's bytes as they stream by, so that each can be
/// parsed on its own, on another thread, while one parser reads the rest of the document.
///
/// The elements cut are the children of the document's root that have the name sought (the
/// records of a wrapper document). What the cutter hands on (``next()``) is the document with the
/// content of each cut element replaced by white space: as many line breaks, then as many spaces
/// as there were characters after the last one. The element's start and end tags are kept, so
/// the document's parser still meets the element, with its attributes and namespace declarations,
/// and everything after the element is at the same line and column as in the document. Each child
/// sought that the parser will meet has an outcome (``takeOutcome()``), in document order: its
/// bytes when it was cut, or ``Outcome/whole`` when it was handed on as it is (the outcomes stop
/// where cutting stops).
///
/// Cutting never changes what the document reads as. The cutter knows the common shape of a
/// wrapper: UTF-8, no document type declaration, and inside the root only the elements sought,
/// comments, processing instructions and text. From anything else on (another element, another
/// encoding, a namespace declaration it cannot read) it hands the rest of the document on as it
/// is, for the parser to read as it would have, and gives no more outcomes. It stops too at an
/// element longer than ``maximumCutSize``, one that starts more than ``maximumColumn`` bytes into
/// its line (its parser would have to be given as many), one whose end tag does not match its
/// start tag, and a root start tag longer than ``maximumRootTagSize`` (every cut element is parsed
/// in its namespaces). An element the input ends inside is handed on as it is, without an outcome:
/// its parser meets the end of the input first.
///
/// Inside a cut element the cutter follows only the markup (tags, comments, CDATA sections,
/// processing instructions) to find where it ends; the element's own parser checks the rest. In
/// an element that is not well-formed, that parser meets the problem before the end the cutter
/// found (``XMLCutElementReader/record(_:)`` checks that it does).
public final class XMLElementCutter {
    /// What became of one element sought.
    public enum Outcome: Sendable {
        /// The element was cut: its bytes, from the `<` of its start tag to the `>` of its end tag.
        case cut([UInt8])
        /// The element was handed on as it is: it is empty, or cutting stopped at it.
        case whole
    }

    /// The longest element cut, and the longest piece of markup looked for the end of outside
    /// one, in bytes. Below the parser's limit on a text run, which the white space standing for
    /// a cut element's content must stay within.
    public static let maximumCutSize = 4 << 20
    /// How far into its line, in bytes, an element may start and be cut.
    public static let maximumColumn = 4096
    /// The longest root start tag the cutter cuts the children of, in bytes.
    public static let maximumRootTagSize = 4096

    private enum State {
        /// Before the root's start tag.
        case prolog
        /// Inside the root, between its children.
        case root
        /// Inside an element being cut (``XMLElementCutter/depth`` elements deep).
        case cutting
        /// Handing everything on as it is.
        case passing
    }

    private let localName: [UInt8]
    private let namespaceURI: [UInt8]?
    private let read: () throws -> [UInt8]?
    private var state = State.prolog
    /// Bytes read and not yet handed on; `handedOn` bytes of it already were.
    private var buffer: [UInt8] = []
    private var handedOn = 0
    /// The next byte to look at.
    private var position = 0
    /// The document's bytes before `buffer` (to recognise its first bytes).
    private var dropped = 0
    /// The bytes of the line `buffer` starts in that are before it.
    private var lineStartBytes = 0
    private var output: [UInt8] = []
    private var outcomes: [Outcome] = []
    private var outcomesTaken = 0
    private var rootDeclarations: [NamespaceDeclaration] = []
    /// The element being cut: where it starts, where its start tag ends, how deep inside it the
    /// cutter is.
    private var elementStart = 0
    private var startTagEnd = 0
    private var depth = 0
    /// The length of the qualified name in the start tag of the element being cut.
    private var nameLength = 0
    /// Whether the end of the element being cut is looked for by following its markup piece by
    /// piece, rather than as the first end tag of its name (see ``plainEnd(in:from:nameAt:length:)``).
    private var followsMarkup = false
    private var isAtEnd = false

    /// Creates a cutter of the root's children named `name`, over the document `read` returns
    /// chunk by chunk (`nil` or empty at the end).
    public init(cutting name: XMLExpandedName, read: @escaping () throws -> [UInt8]?) {
        localName = Array(name.localName.utf8)
        namespaceURI = name.namespaceURI.map { Array($0.utf8) }
        self.read = read
    }

    /// The next bytes for the document's parser, or `nil` at the end. Rethrows what `read` throws.
    public func next() throws -> [UInt8]? {
        while true {
            if !output.isEmpty { return exchange(&output, with: []) }
            if isAtEnd { return nil }
            guard let chunk = try read(), !chunk.isEmpty else {
                isAtEnd = true
                output = Array(buffer[handedOn...])
                buffer = []
                handedOn = 0
                position = 0
                continue
            }
            if case .passing = state, handedOn == buffer.count {
                buffer = []
                handedOn = 0
                position = 0
                return chunk
            }
            compact()
            buffer.append(contentsOf: chunk)
            scan()
        }
    }

    /// The outcome for the next element sought, in document order, once the cutter has handed on
    /// its end tag; `nil` when there is none.
    public func takeOutcome() -> Outcome? {
        guard outcomesTaken < outcomes.count else { return nil }
        defer {
            outcomesTaken += 1
            if outcomesTaken == outcomes.count {
                outcomes.removeAll(keepingCapacity: true)
                outcomesTaken = 0
            }
        }
        return outcomes[outcomesTaken]
    }

    /// Drops the bytes handed on from the buffer.
    private func compact() {
        guard handedOn > 0 else { return }
        lineStartBytes = column(of: handedOn)
        buffer.removeFirst(handedOn)
        dropped += handedOn
        position -= handedOn
        elementStart -= handedOn
        startTagEnd -= handedOn
        handedOn = 0
    }

    private func handOn(upTo end: Int) {
        guard end > handedOn else { return }
        output.append(contentsOf: buffer[handedOn..<end])
        handedOn = end
    }

    /// How many bytes of its line are before `index` in the buffer.
    private func column(of index: Int) -> Int {
        let lineBreak = buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            return ByteClassScan.last(0x0A, before: base + index, from: base).map { base.distance(to: $0) }
        }
        guard let lineBreak else { return lineStartBytes + index }
        return index - lineBreak - 1
    }

    /// Stops cutting: everything from the current position on is handed on as it is.
    private func pass() {
        state = .passing
        handOn(upTo: buffer.count)
        position = buffer.count
    }

    private func scan() {
        while position < buffer.count {
            switch state {
            case .passing:
                pass()
            case .prolog, .root:
                guard scanOutside() else { return }
            case .cutting:
                guard scanInside() else { return }
            }
        }
    }

    /// Takes the next text or piece of markup before or between the root's children; `false` when
    /// the buffer does not hold all of it yet.
    private func scanOutside() -> Bool {
        let isProlog = if case .prolog = state { true } else { false }
        if buffer[position] != UInt8(ascii: "<") {
            if isProlog && dropped + position == 0 && buffer[0] == 0xEF {
                guard buffer.count >= 3 else { return false }
                guard buffer[1] == 0xBB, buffer[2] == 0xBF else {
                    pass()
                    return true
                }
                position = 3
                handOn(upTo: position)
                return true
            }
            let next = buffer.withUnsafeBufferPointer { Self.first(UInt8(ascii: "<"), in: $0, from: position) } ?? buffer.count
            if isProlog && !buffer[position..<next].allSatisfy(\.isXMLWhitespace) {
                pass()
                return true
            }
            position = next
            handOn(upTo: position)
            return true
        }
        guard let markup = buffer.withUnsafeBufferPointer({ Markup.scan(in: $0, at: position) }) else {
            if buffer.count - position > Self.maximumCutSize { pass() }
            return false
        }
        switch markup.kind {
        case .processingInstruction where isProlog:
            guard isUTF8Declaration(position..<markup.end) else {
                pass()
                return true
            }
        case .processingInstruction, .comment:
            break
        case .cdata where !isProlog:
            break
        case .cdata, .declaration, .endTag:
            pass()
            return true
        case .startTag(let isEmpty):
            guard let tag = StartTag(buffer[position..<markup.end]) else {
                pass()
                return true
            }
            if isProlog {
                guard !isEmpty, !isSought(tag, in: []), markup.end - position <= Self.maximumRootTagSize else {
                    pass()
                    return true
                }
                rootDeclarations = tag.declarations
                state = .root
            } else {
                guard isSought(tag, in: rootDeclarations) else {
                    pass()
                    return true
                }
                if isEmpty {
                    outcomes.append(.whole)
                } else if column(of: position) > Self.maximumColumn {
                    outcomes.append(.whole)
                    pass()
                    return true
                } else {
                    elementStart = position
                    nameLength = tag.prefix.isEmpty ? tag.localName.count : tag.prefix.count + 1 + tag.localName.count
                    startTagEnd = markup.end
                    depth = 1
                    followsMarkup = false
                    state = .cutting
                    position = markup.end
                    return true
                }
            }
        }
        position = markup.end
        handOn(upTo: position)
        return true
    }

    /// Finds the end of the element sought; `false` when the buffer does not hold all of it yet.
    private func scanInside() -> Bool {
        let (next, endTagStart, depthAfter) = findEnd()
        position = next
        depth = depthAfter
        let tooLong = (endTagStart == nil ? buffer.count : next) - elementStart > Self.maximumCutSize
        if tooLong || endTagStart.map({ !endTagNamesElement(from: $0, to: next) }) ?? false {
            // Too long to cut, or not well-formed (the parser is to find the problem in the
            // element as it is).
            outcomes.append(.whole)
            pass()
            return true
        }
        guard let endTagStart else { return false }
        finishCut(endTagStart: endTagStart, end: next)
        state = .root
        return true
    }

    /// Looks for the end of the element being cut from `position`: the index after its end tag,
    /// with the index of that tag's `<`, or the index to go on from (with `nil`); and the depth
    /// there.
    private func findEnd() -> (next: Int, endTagStart: Int?, depth: Int) {
        if !followsMarkup {
            let found = buffer.withUnsafeBufferPointer { Self.plainEnd(in: $0, from: position, nameAt: elementStart + 1, length: nameLength) }
            switch found {
            case .endTag(let start):
                let close = buffer.withUnsafeBufferPointer { Self.first(UInt8(ascii: ">"), in: $0, from: start + 2) }
                return close.map { ($0 + 1, start, 0) } ?? (start, nil, 1)
            case .notYet(let resume):
                return (resume, nil, 1)
            case .otherMarkup:
                followsMarkup = true
                position = startTagEnd
                depth = 1
            }
        }
        return buffer.withUnsafeBufferPointer { Self.followMarkup(in: $0, from: position, depth: depth) }
    }

    /// What ``plainEnd(in:from:nameAt:length:)`` found.
    private enum PlainEnd {
        /// The first end tag of the element's name, from the index of its `<`.
        case endTag(Int)
        /// Neither that nor other markup up to the end of the bytes: the search resumes from the
        /// index given when more bytes are read.
        case notYet(Int)
        /// A comment, CDATA section, processing instruction or declaration (which may hold
        /// anything), or a start tag of the element's name (whose end tag comes first): the markup
        /// is to be followed piece by piece.
        case otherMarkup
    }

    /// Looks, in `bytes` from `start`, for the first end tag of the qualified name at
    /// `nameAt..<nameAt + length`, stopping at markup that can hide or nest one.
    ///
    /// In content made of elements and text only, as a record's usually is, that end tag ends the
    /// element: a `<` elsewhere (in text, in an attribute value) is an error that the element's own
    /// parser meets before it. Looking only at the bytes after each `<` costs a fraction of
    /// following every tag to its `>`.
    private static func plainEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, nameAt name: Int, length: Int) -> PlainEnd {
        var index = start
        while let open = first(UInt8(ascii: "<"), in: bytes, from: index) {
            // The `<`, a `/`, the name and the byte after it.
            guard open + length + 2 < bytes.count else { return .notYet(open) }
            let marker = bytes[open + 1]
            if marker == UInt8(ascii: "!") || marker == UInt8(ascii: "?") { return .otherMarkup }
            let isEndTag = marker == UInt8(ascii: "/")
            let tagName = isEndTag ? open + 2 : open + 1
            if bytes[tagName] == bytes[name],
                ByteComparison.equal(
                    UnsafeBufferPointer(rebasing: bytes[tagName..<(tagName + length)]), UnsafeBufferPointer(rebasing: bytes[name..<(name + length)])),
                !XMLName.continuesName(bytes[tagName + length])
            {
                return isEndTag ? .endTag(open) : .otherMarkup
            }
            index = open + 1
        }
        return .notYet(bytes.count)
    }

    /// Follows the markup in `bytes` from `start`, `depth` elements deep, until the element the
    /// cutter is in ends or the bytes do not hold the next piece of markup whole.
    /// - Returns: The index just after the element's end tag (with the index of its `<`), or of
    ///   the last piece of markup followed whole (with `nil`); and the depth there.
    private static func followMarkup(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, depth: Int
    ) -> (next: Int, endTagStart: Int?, depth: Int) {
        var index = start
        var depth = depth
        while true {
            guard let open = first(UInt8(ascii: "<"), in: bytes, from: index) else { return (bytes.count, nil, depth) }
            guard open + 1 < bytes.count else { return (open, nil, depth) }
            switch bytes[open + 1] {
            case UInt8(ascii: "/"):
                guard let close = first(UInt8(ascii: ">"), in: bytes, from: open + 2) else { return (open, nil, depth) }
                index = close + 1
                depth -= 1
                if depth == 0 { return (index, open, 0) }
            case UInt8(ascii: "!"), UInt8(ascii: "?"):
                guard let markup = Markup.scan(in: bytes, at: open) else { return (open, nil, depth) }
                index = markup.end
            default:
                guard let end = Markup.startTagEnd(in: bytes, from: open + 1) else { return (open, nil, depth) }
                index = end
                if bytes[end - 2] != UInt8(ascii: "/") { depth += 1 }
            }
        }
    }

    /// Whether the end tag from `start` to `end` is `</name>` for the element being cut, with
    /// nothing but white space after the name.
    private func endTagNamesElement(from start: Int, to end: Int) -> Bool {
        let name = start + 2
        guard name + nameLength < end,
            buffer[name..<(name + nameLength)].elementsEqual(buffer[(elementStart + 1)..<(elementStart + 1 + nameLength)])
        else { return false }
        return buffer[(name + nameLength)..<(end - 1)].allSatisfy(\.isXMLWhitespace)
    }

    /// Hands on the element that ends at `end` with its content as white space, and keeps its bytes.
    private func finishCut(endTagStart: Int, end: Int) {
        output.append(contentsOf: buffer[elementStart..<startTagEnd])
        let (lineBreaks, lastLineCharacters) = buffer.withUnsafeBufferPointer { Self.shape(of: $0, from: startTagEnd, to: endTagStart) }
        output.append(contentsOf: repeatElement(0x0A, count: lineBreaks))
        output.append(contentsOf: repeatElement(0x20, count: lastLineCharacters))
        output.append(contentsOf: buffer[endTagStart..<end])
        outcomes.append(.cut(Array(buffer[elementStart..<end])))
        handedOn = end
    }

    /// Whether the XML declaration in `range` declares no encoding or UTF-8 (any other is left to
    /// the parser); also `true` for another processing instruction.
    private func isUTF8Declaration(_ range: Range<Int>) -> Bool {
        let text = buffer[range]
        guard text.starts(with: "<?xml".utf8), text.count > 5, text[text.startIndex + 5].isXMLWhitespace else { return true }
        guard let tag = StartTag(text.dropLast(2)), let encoding = tag.attributes.first(where: { $0.name.elementsEqual("encoding".utf8) })
        else { return !text.contains(Array("encoding".utf8)) }
        let name = String(decoding: encoding.value, as: UTF8.self).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    /// Whether `tag` names the element sought, its prefix declared on it or in `outer`.
    private func isSought(_ tag: StartTag, in outer: [NamespaceDeclaration]) -> Bool {
        guard tag.localName.elementsEqual(localName) else { return false }
        let declared = tag.declarations.last { $0.prefix.elementsEqual(tag.prefix) } ?? outer.last { $0.prefix.elementsEqual(tag.prefix) }
        guard let declared else { return tag.prefix.isEmpty && namespaceURI == nil }
        if declared.uri.isEmpty { return namespaceURI == nil }
        return namespaceURI.map { declared.uri.elementsEqual($0) } ?? false
    }

    /// The line breaks in `bytes[start..<end]` and the characters after the last one.
    private static func shape(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (lineBreaks: Int, characters: Int) {
        var lineBreaks = 0
        var lineStart = start
        let slice = UnsafeBufferPointer(rebasing: bytes[..<end])
        while let next = first(0x0A, in: slice, from: lineStart) {
            lineBreaks += 1
            lineStart = next + 1
        }
        var characters = 0
        for index in lineStart..<end where bytes[index] & 0xC0 != 0x80 { characters += 1 }
        return (lineBreaks, characters)
    }

    /// The index of the first `byte` at or after `start`.
    static func first(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
