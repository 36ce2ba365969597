/// One problem that libxml2 or this module found in an XML document or schema.
///
/// Issues are plain values: they hold no libxml2 memory and can cross threads. The message is
/// lowercase where the language allows, quotes the offending text and ends without a period.
public struct XMLIssue: Hashable, Sendable, CustomStringConvertible {
    /// How serious an issue is.
    public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
        /// Reading went on; the document may still be usable.
        case warning
        /// The document is not acceptable: not well-formed, refused, or invalid against a schema.
        case error

        /// Orders severities from `warning` to `error`.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// The stable code, one of the constants in ``XMLIssue/Code``, such as `xml.malformed`.
    public var code: String
    /// What is wrong, quoting the offending text.
    public var message: String
    /// How to fix it, when there is an obvious fix.
    public var hint: String?
    /// The 1-based line in the document, when known.
    public var line: Int?
    /// The 1-based column (in characters) in the document, when known.
    public var column: Int?
    /// Whether reading could go on.
    public var severity: Severity

    /// Creates an issue.
    /// - Parameters:
    ///   - code: A stable code from ``XMLIssue/Code``.
    ///   - message: What is wrong, lowercase, quoting the offending text.
    ///   - hint: How to fix it, if there is an obvious fix.
    ///   - line: The 1-based line, if known.
    ///   - column: The 1-based column, if known.
    ///   - severity: Whether reading could go on.
    public init(
        code: String, message: String, hint: String? = nil, line: Int? = nil, column: Int? = nil,
        severity: Severity = .error
    ) {
        self.code = code
        self.message = message
        self.hint = hint
        self.line = line
        self.column = column
        self.severity = severity
    }

    /// `line:column: severity: message [code]`, leaving out what is unknown.
    public var description: String {
        var text = ""
        if let line {
            text += "\(line)"
            if let column { text += ":\(column)" }
            text += ": "
        }
        text += "\(severity.rawValue): \(message) [\(code)]"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }

    /// `U+0001` for the code point `value`, as messages name characters.
    static func codePointName(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
