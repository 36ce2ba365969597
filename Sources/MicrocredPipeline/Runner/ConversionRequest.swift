/// Everything a run needs to know: inputs, formats, the profile, the outputs.
public struct ConversionRequest: Sendable {
    public var inputs: [InputSource]
    /// The input format id (`--from`); `nil` chooses per input by extension, then by sniffing.
    public var sourceFormat: String?
    /// Options and mapping for reading.
    public var readContext: FormatContext
    /// What to write; `nil` for a validation-only run.
    public var target: ConversionTarget?
    public var profile: ValidationProfile
    public var stages: [any NormalisationStage]
    /// Threads for reading, decoding, normalising, validating and encoding (the reading thread and
    /// `jobs - 1` others, see ``ConversionRunner``).
    public var jobs: Int
    /// Abort the run once more records than this are rejected.
    public var maxRejects: Int?
    /// Whether warnings reject a record.
    public var rejectWarnings: Bool
    /// Rule codes switched off.
    public var disabledRules: Set<String>
    /// Opt-in rule codes switched on.
    public var enabledRules: Set<String>
    /// Where rejected records go (JSON Lines), if anywhere.
    public var rejectsPath: String?

    public init(
        inputs: [InputSource], sourceFormat: String? = nil, readContext: FormatContext = FormatContext(),
        target: ConversionTarget? = nil, profile: ValidationProfile = .eu2022,
        stages: [any NormalisationStage] = .standardStages, jobs: Int = 1, maxRejects: Int? = nil,
        rejectWarnings: Bool = false, disabledRules: Set<String> = [], enabledRules: Set<String> = [],
        rejectsPath: String? = nil
    ) {
        self.inputs = inputs
        self.sourceFormat = sourceFormat
        self.readContext = readContext
        self.target = target
        self.profile = profile
        self.stages = stages
        self.jobs = jobs
        self.maxRejects = maxRejects
        self.rejectWarnings = rejectWarnings
        self.disabledRules = disabledRules
        self.enabledRules = enabledRules
        self.rejectsPath = rejectsPath
    }
}

/// The output side of a conversion.
public struct ConversionTarget: Sendable {
    /// The output format id (`--to`).
    public var format: String
    /// Options for writing.
    public var context: FormatContext
    public var destination: OutputDestination

    public init(format: String, context: FormatContext = FormatContext(), destination: OutputDestination) {
        self.format = format
        self.context = context
        self.destination = destination
    }
}

/// Where converted records go.
public enum OutputDestination: Sendable, Hashable {
    /// The run's standard output (the sink passed to the runner).
    case standardOutput
    /// One file holding the whole batch, written atomically.
    case file(String)
    /// One standalone document per record in this folder (`--split`).
    case folder(String)
}
