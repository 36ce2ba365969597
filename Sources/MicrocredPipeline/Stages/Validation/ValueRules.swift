import Foundation
public import MicrocredModel

/// Checks of single values against their allowed range.
public enum ValueRules {
    /// Every value rule, in the order they run.
    public static let all: [any ValidationRule] = [EQFRangeRule(), CreditsPositiveRule(), WorkloadConsistencyRule(), AwardingBodyCountryRule()]
}

/// `value.eqf-out-of-range`: an EQF level outside 1–8.
public struct EQFRangeRule: ValidationRule {
    public init() {}
    public var code: String { "value.eqf-out-of-range" }
    public var severity: Diagnostic.Severity { .error }
    public var summary: String { "the EQF level is between 1 and 8" }

    public func check(_ credential: Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard let level = credential.achievement.level.eqf, !(1...8).contains(level) else { return }
        diagnostics.append(
            .error(code, "EQF level '\(level)' is outside 1–8", hint: "the European Qualifications Framework has levels 1 to 8",
                   field: "achievement.level.eqf"))
    }
}

/// `value.credits-not-positive`: a credit amount of zero or less.
public struct CreditsPositiveRule: ValidationRule {
    public init() {}
    public var code: String { "value.credits-not-positive" }
    public var severity: Diagnostic.Severity { .error }
    public var summary: String { "credit points and workload hours are greater than zero" }

    public func check(_ credential: Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        for (index, credit) in credential.achievement.workload.credits.enumerated() where credit.points.value <= 0 {
            diagnostics.append(
                .error(code, "\(credit.framework) credits '\(credit.points)' are not greater than zero",
                       hint: "leave the credits out if the course has none", field: "achievement.workload.credits[\(index)].points"))
        }
        if let hours = credential.achievement.workload.hours, hours.value <= 0 {
            diagnostics.append(
                .error(code, "workload of '\(hours)' hours is not greater than zero", field: "achievement.workload.hours"))
        }
    }
}

/// `workload.hours-ects-mismatch`: notional hours that do not fit the ECTS credits. One ECTS credit
/// stands for 25–30 hours of work; outside 20–36 hours per credit is reported.
public struct WorkloadConsistencyRule: ValidationRule {
    public init() {}
    public var code: String { "workload.hours-ects-mismatch" }
    public var severity: Diagnostic.Severity { .warning }
    public var summary: String { "the workload in hours fits the ECTS credits (25–30 hours per credit, with a tolerance)" }

    /// Hours per ECTS credit accepted without a warning: 25–30 with a 20% tolerance.
    static let accepted: ClosedRange<Int> = 20...36

    /// Whether `hours` fits `ects` credits, worked out in whole numbers (millionths) when both
    /// values allow it; `nil` when they do not.
    static func fitsExactly(hours: DecimalNumber, ects: DecimalNumber) -> Bool? {
        guard let hours = hours.scaled(by: 6), let ects = ects.scaled(by: 6) else { return nil }
        let (lower, lowOverflow) = ects.multipliedReportingOverflow(by: accepted.lowerBound)
        let (upper, highOverflow) = ects.multipliedReportingOverflow(by: accepted.upperBound)
        guard !lowOverflow, !highOverflow else { return nil }
        return (lower...upper).contains(hours)
    }

    public func check(_ credential: Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        let workload = credential.achievement.workload
        guard let hours = workload.hours, let ects = workload.ects, ects.value > 0, hours.value > 0 else { return }
        if let fits = Self.fitsExactly(hours: hours, ects: ects), fits { return }
        // Compared by multiplying: dividing Decimals costs many times more, and most records pass.
        guard hours.value < Decimal(Self.accepted.lowerBound) * ects.value || hours.value > Decimal(Self.accepted.upperBound) * ects.value
        else { return }
        let perCredit = hours.value / ects.value
        var rounded = Decimal()
        var exact = perCredit
        NSDecimalRound(&rounded, &exact, 1, .plain)
        diagnostics.append(
            .warning(
                code, "\(hours) hours for \(ects) ECTS is \(rounded) hours per credit",
                hint: "one ECTS credit is 25–30 hours of work; check both values (minutes or weeks given as hours?)",
                field: "achievement.workload.hours"))
    }
}

/// `organisation.missing-country`: an awarding body without a country (always checked, whatever
/// the profile, since every format locates its organisations).
public struct AwardingBodyCountryRule: ValidationRule {
    public init() {}
    public var code: String { "organisation.missing-country" }
    public var severity: Diagnostic.Severity { .warning }
    public var summary: String { "every awarding body has a country" }

    public func check(_ credential: Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        for (index, body) in credential.awardingBodies.enumerated() where (body.country ?? "").isEmpty {
            diagnostics.append(
                .warning(
                    code, "awarding body '\(body.name.primary ?? "")' has no country",
                    hint: "add the country (ISO code or name), for example as a mapping constant", field: "awardingBodies[\(index)].country"))
        }
    }
}
