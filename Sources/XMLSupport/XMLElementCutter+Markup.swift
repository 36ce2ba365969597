import ByteOutput

extension XMLElementCutter {
    /// A namespace declaration as written in a start tag: prefix (empty for the default
    /// namespace) and value.
    struct NamespaceDeclaration {
        var prefix: ArraySlice<UInt8>
        var uri: ArraySlice<UInt8>
    }

    /// One piece of markup: what it is and the index just after it.
    struct Markup {
        enum Kind {
            case startTag(isEmpty: Bool)
            case endTag
            case comment
            case cdata
            case processingInstruction
            /// `<!DOCTYPE`, `<!ELEMENT` and the like.
            case declaration
        }

        var kind: Kind
        var end: Int

        /// The markup that starts with the `<` at `start`; `nil` when `bytes` does not hold its end.
        static func scan(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Markup? {
            guard start + 1 < bytes.count else { return nil }
            switch bytes[start + 1] {
            case UInt8(ascii: "?"):
                return end(of: "?>", in: bytes, from: start + 2).map { Markup(kind: .processingInstruction, end: $0) }
            case UInt8(ascii: "/"):
                return XMLElementCutter.first(UInt8(ascii: ">"), in: bytes, from: start + 2).map { Markup(kind: .endTag, end: $0 + 1) }
            case UInt8(ascii: "!"):
                if let isComment = opens("<!--", in: bytes, at: start), isComment {
                    return end(of: "-->", in: bytes, from: start + 4).map { Markup(kind: .comment, end: $0) }
                }
                if let isCDATA = opens("<![CDATA[", in: bytes, at: start), isCDATA {
                    return end(of: "]]>", in: bytes, from: start + 9).map { Markup(kind: .cdata, end: $0) }
                }
                guard opens("<!--", in: bytes, at: start) != nil, opens("<![CDATA[", in: bytes, at: start) != nil else { return nil }
                return XMLElementCutter.first(UInt8(ascii: ">"), in: bytes, from: start + 2).map { Markup(kind: .declaration, end: $0 + 1) }
            default:
                return startTagEnd(in: bytes, from: start + 1).map { end in
                    Markup(kind: .startTag(isEmpty: bytes[end - 2] == UInt8(ascii: "/")), end: end)
                }
            }
        }

        /// Whether the bytes at `start` begin with `opening`; `nil` when `bytes` ends before that
        /// can be told.
        private static func opens(_ opening: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool? {
            let available = min(opening.utf8CodeUnitCount, bytes.count - start)
            for offset in 0..<available where bytes[start + offset] != opening.utf8Start[offset] { return false }
            return available == opening.utf8CodeUnitCount ? true : nil
        }

        /// The index just after the first `terminator` at or after `start`.
        private static func end(of terminator: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            let length = terminator.utf8CodeUnitCount
            var index = start
            while let candidate = XMLElementCutter.first(terminator.utf8Start[0], in: bytes, from: index) {
                guard candidate + length <= bytes.count else { return nil }
                if (1..<length).allSatisfy({ bytes[candidate + $0] == terminator.utf8Start[$0] }) { return candidate + length }
                index = candidate + 1
            }
            return nil
        }

        /// The index just after the `>` that ends a start tag, passing over quoted attribute values.
        static func startTagEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            guard let base = bytes.baseAddress else { return nil }
            var index = start
            while true {
                index = ByteClassScan.first(
                    in: bytes, from: index, plain: 0x20, isMember: { $0 == 0x3E || $0 == 0x22 || $0 == 0x27 },
                    marks: {
                        ByteClassScan.lanes(equalTo: 0x3E, in: $0) | ByteClassScan.lanes(equalTo: 0x22, in: $0)
                            | ByteClassScan.lanes(equalTo: 0x27, in: $0)
                    })
                guard index < bytes.count else { return nil }
                if base[index] == 0x3E { return index + 1 }
                guard let close = XMLElementCutter.first(base[index], in: bytes, from: index + 1) else { return nil }
                index = close + 1
            }
        }
    }

    /// The name and attributes of a start tag, as written.
    struct StartTag {
        var prefix: ArraySlice<UInt8> = []
        var localName: ArraySlice<UInt8> = []
        var attributes: [(name: ArraySlice<UInt8>, value: ArraySlice<UInt8>)] = []

        /// The namespace declarations among the attributes.
        var declarations: [NamespaceDeclaration] {
            attributes.compactMap { attribute in
                if attribute.name.elementsEqual("xmlns".utf8) { return NamespaceDeclaration(prefix: [], uri: attribute.value) }
                guard attribute.name.starts(with: "xmlns:".utf8) else { return nil }
                return NamespaceDeclaration(prefix: attribute.name.dropFirst(6), uri: attribute.value)
            }
        }

        /// Reads `tag`, from its `<` to its `>` (an XML declaration without its `?>`); `nil` when it is not a
        /// start tag this reader follows, or an attribute value holds a reference (`&`) or `<`.
        init?(_ tag: ArraySlice<UInt8>) {
            var index = tag.startIndex + 1
            if tag[index] == UInt8(ascii: "?") { index += 1 }
            func skipSpace() { while index < tag.endIndex, tag[index].isXMLWhitespace { index += 1 } }
            func name() -> ArraySlice<UInt8> {
                let start = index
                while index < tag.endIndex, XMLName.continuesName(tag[index]) { index += 1 }
                return tag[start..<index]
            }
            let qualified = name()
            guard !qualified.isEmpty else { return nil }
            if let colon = qualified.firstIndex(of: UInt8(ascii: ":")) {
                prefix = qualified[..<colon]
                localName = qualified[(colon + 1)...]
            } else {
                localName = qualified
            }
            while true {
                let before = index
                skipSpace()
                guard index < tag.endIndex else { return }
                if tag[index] == UInt8(ascii: ">") || tag[index] == UInt8(ascii: "/") { return }
                guard index > before else { return nil }
                let attribute = name()
                guard !attribute.isEmpty else { return nil }
                skipSpace()
                guard index < tag.endIndex, tag[index] == UInt8(ascii: "=") else { return nil }
                index += 1
                skipSpace()
                guard index < tag.endIndex, tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") else { return nil }
                let quote = tag[index]
                guard let close = tag[(index + 1)...].firstIndex(of: quote) else { return nil }
                let value = tag[(index + 1)..<close]
                guard !value.contains(UInt8(ascii: "&")), !value.contains(UInt8(ascii: "<")) else { return nil }
                attributes.append((attribute, value))
                index = close + 1
            }
        }
    }

    /// The bytes of XML names, as far as the cutter needs them.
    enum XMLName {
        /// Whether `byte` can be part of a name: letters, digits, `-._:` and every non-ASCII byte.
        static func continuesName(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), 0x80...:
                true
            default:
                false
            }
        }
    }
}
