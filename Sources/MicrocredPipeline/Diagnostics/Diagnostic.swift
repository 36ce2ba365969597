import MicrocredModel

/// A finding about one record or one input: what is wrong, where, and how to fix it.
///
/// Codes are stable and greppable (`csv.unterminated-quote`, `eu.missing-learning-outcomes`);
/// messages are lowercase, quote the offending value and end without a period.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    /// How serious a finding is. Errors reject the record; warnings are reported (and reject it
    /// under `--strict`); notes record a change made on the way, such as a normalised value.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
        case note
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The stable code.
    public var code: String
    public var severity: Severity
    /// What is wrong, quoting the value.
    public var message: String
    /// How to fix it, when there is an obvious fix.
    public var hint: String?
    /// Where: file, line and column, record index, field path.
    public var location: SourceLocation

    public init(
        code: String, severity: Severity, message: String, hint: String? = nil, location: SourceLocation = SourceLocation()
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.hint = hint
        self.location = location
    }

    /// An error finding.
    public static func error(_ code: String, _ message: String, hint: String? = nil, field: String? = nil) -> Diagnostic {
        Diagnostic(code: code, severity: .error, message: message, hint: hint, location: SourceLocation(field: field))
    }

    /// A warning finding.
    public static func warning(_ code: String, _ message: String, hint: String? = nil, field: String? = nil) -> Diagnostic {
        Diagnostic(code: code, severity: .warning, message: message, hint: hint, location: SourceLocation(field: field))
    }

    /// A note: a change made to a value, or a fact worth knowing.
    public static func note(_ code: String, _ message: String, hint: String? = nil, field: String? = nil) -> Diagnostic {
        Diagnostic(code: code, severity: .note, message: message, hint: hint, location: SourceLocation(field: field))
    }

    /// The same finding, placed within `location` (fields already set in this diagnostic win).
    public func located(in location: SourceLocation) -> Diagnostic {
        var copy = self
        copy.location = self.location.filling(from: location)
        return copy
    }

    /// `file:line:column: severity: message [code]`, the form compilers use.
    public var description: String {
        var text = location.description
        text += text.isEmpty ? "" : ": "
        text += "\(severity.rawValue): \(message) [\(code)]"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
