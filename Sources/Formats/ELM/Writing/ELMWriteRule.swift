import MicrocredModel
import MicrocredPipeline

/// One write rule: a code, a summary and the check.
struct ELMWriteRule: ValidationRule {
    let code: String
    let summary: String
    let findings: @Sendable (Credential) -> [Diagnostic]

    init(code: String, summary: String, _ findings: @escaping @Sendable (Credential) -> [Diagnostic]) {
        self.code = code
        self.summary = "elm-xml needs " + summary
        self.findings = findings
    }

    var severity: Diagnostic.Severity { .error }

    func check(_ credential: Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        diagnostics += findings(credential)
    }
}
