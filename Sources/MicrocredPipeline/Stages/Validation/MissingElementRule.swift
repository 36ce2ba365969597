public import MicrocredModel

/// Reports a credential that lacks a required EU element (`eu.missing-learning-outcomes`).
public struct MissingElementRule: ValidationRule {
    public let element: EUElement

    public init(_ element: EUElement) {
        self.element = element
    }

    public var code: String { "eu.missing-\(element.rawValue)" }
    public var severity: Diagnostic.Severity { .error }
    public var summary: String { "the credential states its \(element.displayName)" }

    public func check(_ credential: Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard !credential.has(element) else { return }
        diagnostics.append(
            Diagnostic.error(
                code, "the credential has no \(element.displayName)", hint: hint, field: element.fieldPath))
    }

    private var hint: String {
        switch element {
        case .issuerCountry: "give the awarding body's country (a mapping constant can supply it for a whole file)"
        case .awardingBody, .qualityAssurance, .level, .workload, .participationForm, .assessmentType:
            "map a column to it, or set it as a constant in the mapping file"
        default: "map a column to \(element.fieldPath) or choose a profile that does not require it (--profile)"
        }
    }
}
