public import MicrocredModel

/// Checks that some issuers need and others do not; they run only when named with
/// `--enable-rule CODE`.
public enum OptInRules {
    /// Every opt-in rule.
    public static let all: [any ValidationRule] = [DateOfBirthRequiredRule(), GradingSchemeRequiredRule()]
}

/// `learner.missing-date-of-birth` (opt-in): the learner's date of birth is required, as some
/// national registers and Europass wallets need it to match the learner.
public struct DateOfBirthRequiredRule: ValidationRule {
    public init() {}
    public var code: String { "learner.missing-date-of-birth" }
    public var severity: Diagnostic.Severity { .error }
    public var summary: String { "the learner's date of birth is given (opt-in)" }
    public var isOptIn: Bool { true }

    public func check(_ credential: Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard credential.learner.dateOfBirth == nil else { return }
        diagnostics.append(.error(code, "the learner has no date of birth", hint: "map a column to learner.dateOfBirth", field: "learner.dateOfBirth"))
    }
}

/// `result.grade-without-scheme` (opt-in): a grade is given without the grading scheme that gives
/// it meaning.
public struct GradingSchemeRequiredRule: ValidationRule {
    public init() {}
    public var code: String { "result.grade-without-scheme" }
    public var severity: Diagnostic.Severity { .warning }
    public var summary: String { "a grade comes with its grading scheme (opt-in)" }
    public var isOptIn: Bool { true }

    public func check(_ credential: Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard let result = credential.result, let grade = result.grade, !grade.isEmpty, (result.gradingScheme ?? "").isEmpty else { return }
        diagnostics.append(
            .warning(code, "grade '\(grade)' has no grading scheme", hint: "map a column or a constant to result.gradingScheme", field: "result.gradingScheme"))
    }
}
