public import MicrocredModel

/// One named check with a stable code. Rules never change the credential.
public protocol ValidationRule: Sendable {
    /// The stable diagnostic code the rule emits (`eu.missing-learning-outcomes`).
    var code: String { get }
    /// The severity of what it finds.
    var severity: Diagnostic.Severity { get }
    /// One line on what the rule checks, for documentation and `--help`.
    var summary: String { get }
    /// Whether the rule runs only when enabled by name (`--enable-rule`).
    var isOptIn: Bool { get }

    /// Checks `credential`, appending findings to `diagnostics`.
    func check(_ credential: Credential, context: StageContext, diagnostics: inout [Diagnostic])
}

extension ValidationRule {
    public var isOptIn: Bool { false }
}
