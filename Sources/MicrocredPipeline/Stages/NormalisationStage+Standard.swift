extension Array where Element == any NormalisationStage {
    /// The built-in stages, in the order they run.
    public static var standardStages: [any NormalisationStage] {
        [TextNormalisation(), EmailNormalisation(), IdentifierAssignment()]
    }
}
