public import MicrocredModel

/// Checks that relate two fields of one credential.
public enum CrossFieldRules {
    /// Every cross-field rule, in the order they run.
    public static let all: [any ValidationRule] = [ValidityOrderRule(), BirthBeforeIssueRule(), IssuedNotInFutureRule()]
}

/// `date.valid-until-before-valid-from`: the validity period ends before it starts.
public struct ValidityOrderRule: ValidationRule {
    public init() {}
    public var code: String { "date.valid-until-before-valid-from" }
    public var severity: Diagnostic.Severity { .error }
    public var summary: String { "the validity period ends after it starts" }

    public func check(_ credential: Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard let from = credential.validFrom ?? credential.issued, let until = credential.validUntil, until < from else {
            return
        }
        diagnostics.append(
            .error(
                code, "the credential is valid until '\(until)', before it becomes valid on '\(from)'",
                hint: "check the order of the validity dates", field: "validUntil"))
    }
}

/// `date.birth-after-issue`: the learner was born after the credential was issued.
public struct BirthBeforeIssueRule: ValidationRule {
    public init() {}
    public var code: String { "date.birth-after-issue" }
    public var severity: Diagnostic.Severity { .error }
    public var summary: String { "the learner was born before the date of issuing" }

    public func check(_ credential: Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard let born = credential.learner.dateOfBirth, let issued = credential.issued, born >= issued.calendarDate else {
            return
        }
        diagnostics.append(
            .error(
                code, "the learner's date of birth '\(born)' is not before the date of issuing '\(issued)'",
                hint: "check the date columns and the mapping's date format", field: "learner.dateOfBirth"))
    }
}

/// `date.issued-in-future`: the date of issuing is after the run's today.
public struct IssuedNotInFutureRule: ValidationRule {
    public init() {}
    public var code: String { "date.issued-in-future" }
    public var severity: Diagnostic.Severity { .warning }
    public var summary: String { "the date of issuing is not in the future" }

    public func check(_ credential: Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard let issued = credential.issued, issued.calendarDate > context.format.environment.today else { return }
        diagnostics.append(
            .warning(
                code, "the date of issuing '\(issued)' is in the future (today is \(context.format.environment.today))",
                hint: "check the date and the mapping's date format (day and month swapped?)", field: "issued"))
    }
}
