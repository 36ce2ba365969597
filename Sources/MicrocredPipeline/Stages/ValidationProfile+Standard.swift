import MicrocredModel

extension ValidationProfile {
    /// The 2022 Council Recommendation, Annex I mandatory elements (the default profile).
    public static let eu2022 = ValidationProfile(
        name: "eu-2022",
        summary: "Council Recommendation 2022, Annex I: the mandatory elements",
        rules: EUElement.mandatory2022.map(MissingElementRule.init) + commonRules)

    /// The 2020 draft list: the 2022 elements plus field of education, supervision and identity
    /// verification, and duration of validity.
    public static let eu2020Draft = ValidationProfile(
        name: "eu-2020-draft",
        summary: "2020 draft list: Annex I plus field of education, supervision and identity verification",
        rules: (EUElement.mandatory2022 + [.fieldOfEducation, .supervisionAndIdentityVerification])
            .map(MissingElementRule.init) + commonRules)

    /// No EU element requirements; only what the target format itself needs.
    public static let none = ValidationProfile(
        name: "none", summary: "no EU element requirements; only the target format's own", rules: commonRules)

    /// The rules every profile holds: value ranges, cross-field checks and the opt-in rules
    /// (which run only when enabled by name).
    public static let commonRules: [any ValidationRule] = ValueRules.all + CrossFieldRules.all + OptInRules.all

    /// All built-in profiles.
    public static let standard: [ValidationProfile] = [.eu2022, .eu2020Draft, .none]

    /// The built-in profile called `name`.
    /// - Throws: ``Diagnostic`` (`profile.unknown`) naming the known profiles.
    public static func named(_ name: String) throws(Diagnostic) -> ValidationProfile {
        guard let profile = standard.first(where: { $0.name == name }) else {
            throw Diagnostic.error(
                "profile.unknown", "unknown profile '\(name)'",
                hint: "known profiles: \(standard.map(\.name).joined(separator: ", "))")
        }
        return profile
    }
}
