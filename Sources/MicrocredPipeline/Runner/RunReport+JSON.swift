public import MicrocredModel

extension RunReport {
    /// The report as JSON; its schema is documented in `docs/report.md`.
    public var jsonValue: JSONValue {
        var members: [JSONMember] = [JSONMember("reportVersion", .integer(1))]
        members.append(JSONMember("sourceFormats", .array(sourceFormats.sorted().map { .string($0) })))
        if let targetFormat { members.append(JSONMember("targetFormat", .string(targetFormat))) }
        members += [
            JSONMember("profile", .string(profile)),
            JSONMember("inputs", .integer(inputs)),
            JSONMember("recordsRead", .integer(recordsRead)),
            JSONMember("recordsWritten", .integer(recordsWritten)),
            JSONMember("recordsRejected", .integer(recordsRejected)),
            JSONMember("balanced", .bool(isBalanced)),
            JSONMember("inputFailures", .array(inputFailures.map(Self.locatedJSON))),
            JSONMember(
                "severityCounts",
                .object(Diagnostic.Severity.allCases.map { JSONMember($0.rawValue, .integer(severityCounts[$0, default: 0])) })),
            JSONMember(
                "diagnosticCounts", .object(diagnosticCounts.keys.sorted().map { JSONMember($0, .integer(diagnosticCounts[$0]!)) })),
            JSONMember(
                "rejectionCounts", .object(rejectionCounts.keys.sorted().map { JSONMember($0, .integer(rejectionCounts[$0]!)) })),
            JSONMember(
                "examples",
                .object(examples.keys.sorted().map { JSONMember($0, .array(examples[$0]!.map(Self.locatedJSON))) })),
            JSONMember("completeness", completenessJSON(EUElement.allCases)),
            JSONMember("requiredElements", .array(requiredElements.map { .string($0.rawValue) })),
        ]
        if let abortReason { members.append(JSONMember("aborted", Self.locatedJSON(abortReason))) }
        return .object(members)
    }

    private func completenessJSON(_ elements: [EUElement]) -> JSONValue {
        .object(elements.map { JSONMember($0.rawValue, .number(Self.fraction(completeness(of: $0)))) })
    }

    /// A fraction with at most four decimals, written without binary noise (`0.3333`, `1`).
    static func fraction(_ value: Double) -> String {
        let scaled = Int((value * 10_000).rounded())
        if scaled % 10_000 == 0 { return String(scaled / 10_000) }
        var decimals = String(scaled % 10_000)
        decimals = String(repeating: "0", count: 4 - decimals.count) + decimals
        while decimals.hasSuffix("0") { decimals.removeLast() }
        return "\(scaled / 10_000).\(decimals)"
    }

    private static func locatedJSON(_ diagnostic: Diagnostic) -> JSONValue {
        guard case .object(var members) = diagnostic.jsonValue else { return diagnostic.jsonValue }
        if let file = diagnostic.location.file { members.append(JSONMember("file", .string(file))) }
        if let record = diagnostic.location.record { members.append(JSONMember("record", .integer(record))) }
        return .object(members)
    }
}
