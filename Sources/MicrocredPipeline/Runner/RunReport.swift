public import MicrocredModel

/// What a run did: counts that account for every record, findings by code with example
/// locations, and how complete the batch is against the EU element lists.
public struct RunReport: Sendable {
    /// How many example locations the report keeps per code.
    public static let examplesPerCode = 3

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
    /// Records that carry each EU element.
    public var elementCounts: [EUElement: Int] = [:]
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
        recordsRead == 0 ? 0 : Double(elementCounts[element, default: 0]) / Double(recordsRead)
    }

    /// Counts `diagnostic`, keeping it as an example if its code has few so far.
    public mutating func record(_ diagnostic: Diagnostic) {
        diagnosticCounts[diagnostic.code, default: 0] += 1
        severityCounts[diagnostic.severity, default: 0] += 1
        if examples[diagnostic.code, default: []].count < Self.examplesPerCode {
            examples[diagnostic.code, default: []].append(diagnostic)
        }
    }

    /// Counts the EU elements `credential` carries.
    public mutating func recordElements(of credential: Credential) {
        for element in credential.euElements { elementCounts[element, default: 0] += 1 }
    }
}
