extension Array where Element == any NormalisationStage {
    /// The built-in stages, in the order they run. Identifiers come last so ids derived from a
    /// record use its normalised values.
    public static var standardStages: [any NormalisationStage] {
        [
            TextNormalisation(), EmailNormalisation(), LinkNormalisation(), CountryNormalisation(), LanguageNormalisation(),
            FieldOfEducationNormalisation(), LevelNormalisation(), VocabularyNormalisation(), CreditNormalisation(),
            IdentifierAssignment(),
        ]
    }
}
