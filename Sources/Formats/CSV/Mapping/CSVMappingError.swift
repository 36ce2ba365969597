public import MicrocredPipeline

/// Why a mapping file cannot be used: every problem found, each naming its place in the file
/// (`columns[3].field`, line and column).
public struct CSVMappingError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order; at least one is an error.
    public var diagnostics: [Diagnostic]

    /// Creates an error holding `diagnostics`.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Every problem, one per line, compiler style.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    /// The problems as one diagnostic (the first error, with a count of the rest), for callers
    /// that report a single reason.
    public var summary: Diagnostic {
        var first = diagnostics.first { $0.severity == .error } ?? diagnostics.first
            ?? Diagnostic.error("mapping.invalid", "the mapping file is invalid")
        let others = diagnostics.filter { $0.severity == .error }.count - 1
        if others > 0 {
            first.message += " (and \(others) more problem\(others == 1 ? "" : "s"); run 'microcred mapping check')"
        }
        return first
    }
}
