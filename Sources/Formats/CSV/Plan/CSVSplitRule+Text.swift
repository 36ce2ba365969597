extension CSVSplitRule {
    /// The parts of `text`: cut at every separator (a `\n` separator cuts at any line break),
    /// with escaped characters taken literally. Empty parts are kept, so parallel columns stay
    /// aligned.
    func split(_ text: String) -> [String] { CSVSplitter(self).split(text) }

    /// `values` joined with the first separator, escaping separators and the escape character
    /// inside values when the rule has an escape.
    func join(_ values: [String]) -> String { CSVJoiner(self).join(values) }

    /// The bytes that may begin a separator, the escape or (with a `\n` separator) a line break.
    var leadBytes: CSVByteSet {
        var bytes = CSVByteSet()
        for separator in separators { if let first = separator.utf8.first { bytes.insert(first) } }
        if let first = escape.map(String.init)?.utf8.first { bytes.insert(first) }
        if separators.contains("\n") { bytes.insert(0x0D) }
        return bytes
    }

    /// Whether `value` cannot be written as one part without an escape (it holds a separator).
    func needsEscape(_ value: String) -> Bool {
        separators.contains { separator in
            separator == "\n" ? value.contains(where: \.isNewline) : value.contains(separator)
        }
    }
}

/// A ``CSVSplitRule`` prepared for splitting many cells: the bytes that may start a separator or
/// an escape are looked up in a table, so text without them is not copied.
struct CSVSplitter: Sendable {
    private let separators: [[UInt8]]
    private let breaksLines: Bool
    private let escape: [UInt8]?
    /// The bytes that may start a separator, an escape or a line break.
    private let special: CSVByteSet

    init(_ rule: CSVSplitRule) {
        breaksLines = rule.separators.contains("\n")
        separators = rule.separators.filter { $0 != "\n" && !$0.isEmpty }.map { Array($0.utf8) }
        escape = rule.escape.map { Array(String($0).utf8) }
        special = rule.leadBytes
    }

    func split(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes -> [String] in
            let count = bytes.count
            var parts: [String] = []
            /// Bytes of the current part when it holds an escape (else it is `bytes[start..<index]`).
            var unescaped: [UInt8]?
            var start = 0
            var index = 0
            func finish(at end: Int) {
                if var pending = unescaped {
                    pending.append(contentsOf: bytes[start..<end])
                    parts.append(String(decoding: pending, as: UTF8.self))
                    unescaped = nil
                } else {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
            }
            outer: while index < count {
                let byte = bytes[index]
                guard special.contains(byte) else {
                    index += 1
                    continue
                }
                if let escape, index + escape.count < count, bytes[index..<(index + escape.count)].elementsEqual(escape) {
                    // Keep what precedes the escape, then the escaped character (one UTF-8 sequence).
                    var pending = unescaped ?? []
                    pending.append(contentsOf: bytes[start..<index])
                    index += escape.count
                    var end = index + 1
                    while end < count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                    pending.append(contentsOf: bytes[index..<end])
                    unescaped = pending
                    index = end
                    start = end
                    continue
                }
                if breaksLines, byte == 0x0A || byte == 0x0D {
                    finish(at: index)
                    index += byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
                    start = index
                    continue
                }
                for separator in separators where index + separator.count <= count {
                    if bytes[index..<(index + separator.count)].elementsEqual(separator) {
                        finish(at: index)
                        index += separator.count
                        start = index
                        continue outer
                    }
                }
                index += 1
            }
            finish(at: count)
            return parts
        }
    }
}

/// A ``CSVSplitRule`` prepared for joining many cells: values without a byte that may begin a
/// separator or the escape are joined as they are.
struct CSVJoiner: Sendable {
    private let separator: String
    private let escape: Unicode.Scalar?
    /// The first scalars of the separators (and `\r` with a `\n` separator), escaped in values.
    private let leadScalars: [Unicode.Scalar]
    private let leadBytes: CSVByteSet

    init(_ rule: CSVSplitRule) {
        separator = rule.separators.first ?? "|"
        escape = rule.escape?.unicodeScalars.first
        var leads = rule.separators.compactMap { $0.unicodeScalars.first }
        if rule.separators.contains("\n") { leads.append("\r") }
        leadScalars = leads
        leadBytes = rule.leadBytes
    }

    /// `values` joined with the first separator, each separator and escape inside a value
    /// preceded by the escape (when the rule has one).
    func join(_ values: [String]) -> String {
        guard let escape, values.contains(where: hasLeadByte) else {
            return values.joined(separator: separator)
        }
        return values.map { value in
            var escaped = String.UnicodeScalarView()
            for scalar in value.unicodeScalars {
                if scalar == escape || leadScalars.contains(scalar) { escaped.append(escape) }
                escaped.append(scalar)
            }
            return String(escaped)
        }.joined(separator: separator)
    }

    private func hasLeadByte(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { $0.contains(where: leadBytes.contains) }
    }
}
