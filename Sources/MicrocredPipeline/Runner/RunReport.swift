public import MicrocredModel

/// What a run did: counts that account for every record, findings by code with example
/// locations, and how complete the batch is against the EU element lists.
public struct RunReport: Sendable {
    /// How many example locations the report keeps per code.
    public static let examplesPerCode = 3
    /// How many rejected records the report keeps whole, for the HTML report.
    public static let rejectedRecordsKept = 25

    /// The formats inputs were read as (given with `--from` or detected per input).
    public var sourceFormats: Set<String> = []
    public var targetFormat: String?
    public var profile: String
    public var inputs = 0
    public var recordsRead = 0
    public var recordsWritten = 0
    public var recordsRejected = 0
    /// Inputs that could not be read to the end, with why.
    public var inputFailures: [Diagnostic] = []
    /// Findings per code, over all records and inputs.
    public var diagnosticCounts: [String: Int] = [:]
    /// Findings per severity.
    public var severityCounts: [Diagnostic.Severity: Int] = [:]
    /// The first few findings of each code.
    public var examples: [String: [Diagnostic]] = [:]
    /// Rejected records per code of the findings that rejected them (each record counted once
    /// per code).
    public var rejectionCounts: [String: Int] = [:]
    /// The first rejected records, with their findings.
    public var firstRejected: [RejectedRecord] = []
    /// Records that carry each EU element.
    public var elementCounts: [EUElement: Int] {
        var counts: [EUElement: Int] = [:]
        for (position, count) in elementTally.enumerated() where count > 0 { counts[EUElementSet.allElements[position]] = count }
        return counts
    }
    /// Records that carry each EU element, by position in ``EUElementSet/allElements``.
    private var elementTally = [Int](repeating: 0, count: EUElementSet.allElements.count)
    /// The EU elements the profile requires.
    public var requiredElements: [EUElement] = []
    /// Why the run stopped early, if it did (`--max-rejects` exceeded, output unwritable).
    public var abortReason: Diagnostic?

    public init(targetFormat: String?, profile: String) {
        self.targetFormat = targetFormat
        self.profile = profile
    }

    /// Whether every record read is accounted for: read = written + rejected.
    public var isBalanced: Bool { recordsRead == recordsWritten + recordsRejected }

    /// The fraction of records read that carry `element` (0 for an empty batch).
    public func completeness(of element: EUElement) -> Double {
        guard recordsRead > 0, let position = EUElementSet.allElements.firstIndex(of: element) else { return 0 }
        return Double(elementTally[position]) / Double(recordsRead)
    }

    /// Counts `diagnostic`, keeping it as an example if its code has few so far.
    public mutating func record(_ diagnostic: Diagnostic) {
        diagnosticCounts[diagnostic.code, default: 0] += 1
        severityCounts[diagnostic.severity, default: 0] += 1
        if examples[diagnostic.code, default: []].count < Self.examplesPerCode {
            examples[diagnostic.code, default: []].append(diagnostic)
        }
    }

    /// Counts a rejected record: its rejecting codes, and the record itself while few are kept.
    public mutating func recordRejection(location: SourceLocation, raw: JSONValue, diagnostics: [Diagnostic], rejectWarnings: Bool) {
        let rejecting = Set(diagnostics.filter { $0.severity == .error || (rejectWarnings && $0.severity == .warning) }.map(\.code))
        for code in rejecting { rejectionCounts[code, default: 0] += 1 }
        if firstRejected.count < Self.rejectedRecordsKept {
            firstRejected.append(RejectedRecord(location: location, raw: raw, diagnostics: diagnostics))
        }
    }

    /// Counts the EU elements a credential carries.
    public mutating func recordElements(_ elements: EUElementSet) {
        for position in elementTally.indices where elements.contains(position: position) { elementTally[position] += 1 }
    }
}

/// A rejected record as the report keeps it.
public struct RejectedRecord: Sendable {
    public var location: SourceLocation
    /// The record as read.
    public var raw: JSONValue
    public var diagnostics: [Diagnostic]
}
