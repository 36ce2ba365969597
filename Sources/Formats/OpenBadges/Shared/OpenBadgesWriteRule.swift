public import MicrocredModel
public import MicrocredPipeline

/// A requirement an Open Badges format has of a record before it can be written, checked at
/// validation so the record is rejected with a clear reason.
public struct OpenBadgesWriteRule: ValidationRule {
    /// The stable code (`ob3.write.missing-issuer`).
    public let code: String
    /// Error for what the format cannot hold, warning for what consumers may refuse.
    public let severity: Diagnostic.Severity
    /// One line on the requirement.
    public let summary: String
    let message: String
    let hint: String
    let field: String
    let fails: @Sendable (Credential) -> Bool

    init(
        code: String, severity: Diagnostic.Severity = .error, summary: String, message: String, hint: String, field: String,
        fails: @escaping @Sendable (Credential) -> Bool
    ) {
        self.code = code
        self.severity = severity
        self.summary = summary
        self.message = message
        self.hint = hint
        self.field = field
        self.fails = fails
    }

    /// Reports the record when it does not meet the requirement.
    public func check(_ credential: Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard fails(credential) else { return }
        diagnostics.append(Diagnostic(code: code, severity: severity, message: message, hint: hint, location: SourceLocation(field: field)))
    }
}

extension OpenBadgesWriteRule {
    /// Whether the record has a title for the achievement (its own or the credential's).
    static func hasTitle(_ credential: Credential) -> Bool {
        !((credential.achievement.title ?? credential.title)?.primary ?? "").allSatisfy(\.isWhitespace)
    }

    /// Whether the record names an issuer or an awarding body.
    static func hasIssuer(_ credential: Credential) -> Bool {
        credential.issuer != nil || !credential.awardingBodies.isEmpty
    }
}
