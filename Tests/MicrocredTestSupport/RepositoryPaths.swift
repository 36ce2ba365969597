public import Foundation

/// Paths of the repository and its shared reference data, found from this file's location so tests
/// run from any working directory.
public enum RepositoryPaths {
    /// The repository root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `SampleData/` in the repository.
    public static var sampleData: URL { root.appendingPathComponent("SampleData") }

    /// `Mappings/` in the repository.
    public static var mappings: URL { root.appendingPathComponent("Mappings") }

    /// `../shared/refdata/` beside the repository (absent in a user's fresh clone).
    public static var refData: URL { root.deletingLastPathComponent().appendingPathComponent("shared/refdata") }
}
