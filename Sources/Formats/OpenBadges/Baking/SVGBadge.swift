import Foundation

/// Finds and bakes the Open Badges element of an SVG image by scanning the markup.
///
/// An SVG is XML, but a baked badge is a container: one `<openbadges:assertion>` (OB 2.0, namespace
/// `http://openbadges.org`) or `<openbadges:credential>` (OB 3.0, `https://purl.imsglobal.org/ob/v3p0`)
/// element holding JSON in CDATA or text, or a JWS in its `verify` attribute. The scanner walks
/// tags, comments, CDATA sections, processing instructions and the DOCTYPE, decodes the predefined
/// and numeric entities, and resolves the element's prefix from `xmlns:` declarations. It never
/// expands other entities and reads no external resources.
enum SVGBadge {
    static let ob2Namespace = "http://openbadges.org"
    static let ob3Namespace = "https://purl.imsglobal.org/ob/v3p0"

    /// The badge element found in an SVG.
    struct Element: Sendable {
        /// `assertion` (OB 2.0) or `credential` (OB 3.0).
        var localName: String
        var namespace: String
        var verify: String?
        /// The text and CDATA content, entities decoded, surrounding white space trimmed.
        var content: String
        /// The byte range of the whole element in the file.
        var range: Range<Int>
    }

    /// Why markup cannot be scanned.
    struct ScanError: Error, Sendable {
        var message: String
    }

    /// Whether `sample` looks like the start of an SVG document.
    static func looksLikeSVG(_ sample: some Collection<UInt8>) -> Bool {
        let text = String(decoding: sample.prefix(4096), as: UTF8.self)
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return trimmed.hasPrefix("<") && text.contains("<svg")
    }

    /// Every badge element in `bytes`, in document order.
    static func elements(in bytes: [UInt8]) throws(ScanError) -> [Element] {
        var scanner = Scanner(bytes: bytes)
        return try scanner.scan().badges
    }

    /// The first badge element, if any.
    static func element(in bytes: [UInt8]) throws(ScanError) -> Element? {
        try elements(in: bytes).first
    }

    /// `template` with its badge elements replaced by one holding `content` (`localName` in the
    /// namespace for `namespace`), directly after the root `<svg>` start tag.
    static func bake(template: [UInt8], localName: String, namespace: String, content: String, verify: String?) throws(ScanError) -> [UInt8] {
        var scanner = Scanner(bytes: template)
        let result = try scanner.scan()
        guard let root = result.root else { throw ScanError(message: "the template has no <svg> element") }
        var element = "<openbadges:\(localName)"
        if let verify { element += " verify=\"\(escapeAttribute(verify))\"" }
        if content.isEmpty {
            element += "/>"
        } else {
            element += "><![CDATA[" + content.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]></openbadges:\(localName)>"
        }
        var startTag = String(decoding: template[root.tagRange], as: UTF8.self)
        let declaration = "xmlns:openbadges=\""
        if let existing = startTag.range(of: declaration) {
            guard let close = startTag[existing.upperBound...].firstIndex(of: "\"") else {
                throw ScanError(message: "the template's xmlns:openbadges declaration is not closed")
            }
            startTag.replaceSubrange(existing.upperBound..<close, with: namespace)
        } else {
            let insertAt = root.selfClosing ? startTag.index(startTag.endIndex, offsetBy: -2) : startTag.index(before: startTag.endIndex)
            startTag.insert(contentsOf: " xmlns:openbadges=\"\(namespace)\"", at: insertAt)
        }
        var replacement = startTag
        if root.selfClosing {
            replacement = String(replacement.dropLast(2)) + ">\n" + element + "\n</svg>"
        } else {
            replacement += "\n" + element
        }
        var output: [UInt8] = []
        var cursor = 0
        var pieces: [(Range<Int>, [UInt8])] = [(root.tagRange, Array(replacement.utf8))]
        pieces += result.badges.map { ($0.range, []) }
        pieces.sort { $0.0.lowerBound < $1.0.lowerBound }
        for (range, bytes) in pieces where range.lowerBound >= cursor {
            output += template[cursor..<range.lowerBound]
            output += bytes
            cursor = range.upperBound
        }
        output += template[cursor...]
        return output
    }

    static func escapeAttribute(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }

    // MARK: - Scanning

    private struct RootTag {
        var tagRange: Range<Int>
        var selfClosing: Bool
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var prefixes: [String: String] = [:]

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func scan() throws(ScanError) -> (badges: [Element], root: RootTag?) {
            var badges: [Element] = []
            var root: RootTag?
            while let open = find("<", from: index) {
                index = open
                if starts("<!--") {
                    index = try after("-->", from: index + 4, what: "comment")
                } else if starts("<![CDATA[") {
                    index = try after("]]>", from: index + 9, what: "CDATA section")
                } else if starts("<?") {
                    index = try after("?>", from: index + 2, what: "processing instruction")
                } else if starts("<!") {
                    index = try skipDeclaration(from: index + 2)
                } else if starts("</") {
                    index = try after(">", from: index + 2, what: "end tag")
                } else {
                    let tag = try startTag(at: index)
                    for (name, value) in tag.attributes where name.hasPrefix("xmlns:") { prefixes[String(name.dropFirst(6))] = value }
                    let parts = tag.name.split(separator: ":", maxSplits: 1).map(String.init)
                    if root == nil, parts.last == "svg" { root = RootTag(tagRange: open..<tag.end, selfClosing: tag.selfClosing) }
                    if parts.count == 2, parts[1] == "assertion" || parts[1] == "credential",
                        let namespace = prefixes[parts[0]], namespace == ob2Namespace || namespace == ob3Namespace
                    {
                        let verify = tag.attributes.first { $0.0 == "verify" }?.1
                        if tag.selfClosing {
                            badges.append(Element(localName: parts[1], namespace: namespace, verify: verify, content: "", range: open..<tag.end))
                            index = tag.end
                        } else {
                            let (content, end) = try elementContent(from: tag.end, closing: "</" + tag.name)
                            badges.append(
                                Element(
                                    localName: parts[1], namespace: namespace, verify: verify,
                                    content: content.trimmingWhitespace(), range: open..<end))
                            index = end
                        }
                        continue
                    }
                    index = tag.end
                }
            }
            return (badges, root)
        }

        private func find(_ text: String, from start: Int) -> Int? {
            let pattern = Array(text.utf8)
            guard !pattern.isEmpty, start <= bytes.count - pattern.count else { return nil }
            var position = start
            while position <= bytes.count - pattern.count {
                if bytes[position] == pattern[0], bytes[position..<(position + pattern.count)].elementsEqual(pattern) { return position }
                position += 1
            }
            return nil
        }

        private func starts(_ text: String) -> Bool {
            let pattern = Array(text.utf8)
            return index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
        }

        private func after(_ terminator: String, from start: Int, what: String) throws(ScanError) -> Int {
            guard let position = find(terminator, from: start) else { throw ScanError(message: "a \(what) is not closed") }
            return position + terminator.utf8.count
        }

        private func skipDeclaration(from start: Int) throws(ScanError) -> Int {
            var depth = 0
            var position = start
            var quote: UInt8?
            while position < bytes.count {
                let byte = bytes[position]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "[") {
                    depth += 1
                } else if byte == UInt8(ascii: "]") {
                    depth -= 1
                } else if byte == UInt8(ascii: ">"), depth <= 0 {
                    return position + 1
                }
                position += 1
            }
            throw ScanError(message: "a <! declaration is not closed")
        }

        private struct StartTag {
            var name: String
            var attributes: [(String, String)]
            var selfClosing: Bool
            var end: Int
        }

        private func startTag(at start: Int) throws(ScanError) -> StartTag {
            var position = start + 1
            func isNameByte(_ byte: UInt8) -> Bool {
                !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
                    || byte == UInt8(ascii: "="))
            }
            func skipSpace() {
                while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
            }
            let nameStart = position
            while position < bytes.count, isNameByte(bytes[position]) { position += 1 }
            let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
            var attributes: [(String, String)] = []
            while true {
                skipSpace()
                guard position < bytes.count else { throw ScanError(message: "the start tag <\(name) is not closed") }
                if bytes[position] == UInt8(ascii: ">") {
                    return StartTag(name: name, attributes: attributes, selfClosing: false, end: position + 1)
                }
                if bytes[position] == UInt8(ascii: "/") {
                    guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else {
                        throw ScanError(message: "unexpected '/' in the start tag <\(name)")
                    }
                    return StartTag(name: name, attributes: attributes, selfClosing: true, end: position + 2)
                }
                let attributeStart = position
                while position < bytes.count, isNameByte(bytes[position]) { position += 1 }
                let attributeName = String(decoding: bytes[attributeStart..<position], as: UTF8.self)
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                    throw ScanError(message: "attribute '\(attributeName)' of <\(name) has no value")
                }
                position += 1
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                    throw ScanError(message: "attribute '\(attributeName)' of <\(name) is not quoted")
                }
                let quote = bytes[position]
                position += 1
                let valueStart = position
                while position < bytes.count, bytes[position] != quote { position += 1 }
                guard position < bytes.count else { throw ScanError(message: "attribute '\(attributeName)' of <\(name) is not closed") }
                attributes.append((attributeName, decodeEntities(String(decoding: bytes[valueStart..<position], as: UTF8.self))))
                position += 1
            }
        }

        private func elementContent(from start: Int, closing: String) throws(ScanError) -> (String, Int) {
            var content = ""
            var position = start
            let closingBytes = Array(closing.utf8)
            while position < bytes.count {
                let rest = bytes[position...]
                if rest.starts(with: Array("<![CDATA[".utf8)) {
                    guard let end = find("]]>", from: position + 9) else { throw ScanError(message: "a CDATA section is not closed") }
                    content += String(decoding: bytes[(position + 9)..<end], as: UTF8.self)
                    position = end + 3
                } else if rest.starts(with: Array("<!--".utf8)) {
                    guard let end = find("-->", from: position + 4) else { throw ScanError(message: "a comment is not closed") }
                    position = end + 3
                } else if rest.starts(with: closingBytes) {
                    guard let end = find(">", from: position) else { throw ScanError(message: "the end tag \(closing)> is not closed") }
                    return (content, end + 1)
                } else {
                    let next = find("<", from: position) ?? bytes.count
                    content += decodeEntities(String(decoding: bytes[position..<next], as: UTF8.self))
                    if next == position { throw ScanError(message: "unexpected markup inside \(closing.dropFirst(2))") }
                    position = next
                }
            }
            throw ScanError(message: "the element \(closing.dropFirst(2)) is not closed")
        }
    }

    /// `text` with the predefined and numeric character references decoded.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                output += rest[amp...]
                return output
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            switch name {
            case "lt": output += "<"
            case "gt": output += ">"
            case "amp": output += "&"
            case "quot": output += "\""
            case "apos": output += "'"
            default:
                var scalar: Unicode.Scalar?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                }
                if let scalar { output.unicodeScalars.append(scalar) } else { output += rest[amp...semicolon] }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        output += rest
        return output
    }
}
