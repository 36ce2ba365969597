/// What a normalisation stage or validation rule may consult: the run's format context (options,
/// vocabularies, the run's notion of today) and the formats involved.
public struct StageContext: Sendable {
    public var format: FormatContext
    /// The id of the format being written, when converting.
    public var targetFormat: String?

    public init(format: FormatContext = FormatContext(), targetFormat: String? = nil) {
        self.format = format
        self.targetFormat = targetFormat
    }
}
