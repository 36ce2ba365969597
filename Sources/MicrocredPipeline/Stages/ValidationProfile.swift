public import MicrocredModel

/// A named set of validation rules: which EU element list a batch is held to.
public struct ValidationProfile: Sendable {
    /// The name used with `--profile`.
    public var name: String
    public var summary: String
    public var rules: [any ValidationRule]

    public init(name: String, summary: String, rules: [any ValidationRule]) {
        self.name = name
        self.summary = summary
        self.rules = rules
    }
}

extension ValidationProfile {
    /// The EU elements the profile requires (those it has a missing-element rule for).
    public var requiredElements: [EUElement] {
        rules.compactMap { ($0 as? MissingElementRule)?.element }
    }
}
