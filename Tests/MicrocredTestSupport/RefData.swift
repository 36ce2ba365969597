public import Foundation
public import Testing

/// Access to `../shared/refdata/…` for conformance tests.
///
/// A test that needs reference data calls ``url(_:)``: it returns `nil` when the data is absent
/// (the test then returns early, which Swift Testing reports as a pass with nothing checked), and
/// records a failure instead when `MICROCRED_REQUIRE_REFDATA=1`, as CI sets it.
public enum RefData {
    /// Whether the environment demands reference data be present.
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["MICROCRED_REQUIRE_REFDATA"] == "1" }

    /// The URL of `relative` inside `../shared/refdata/`, or `nil` (and a recorded issue when
    /// required) if it does not exist.
    public static func url(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        let url = RepositoryPaths.refData.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        if isRequired {
            Issue.record("reference data '\(relative)' is missing but MICROCRED_REQUIRE_REFDATA=1", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// Whether reference data is available; use as `.enabled(if: RefData.isAvailable)` on tests
    /// that enumerate refdata files as arguments. When required and absent, ``url(_:)`` in a
    /// companion test records the failure.
    public static var isAvailable: Bool { FileManager.default.fileExists(atPath: RepositoryPaths.refData.path) }

    /// The files directly inside refdata folder `relative` with extension `fileExtension`, sorted.
    public static func files(in relative: String, withExtension fileExtension: String? = nil) -> [URL] {
        let folder = RepositoryPaths.refData.appendingPathComponent(relative)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted()
            .filter { fileExtension == nil || ($0 as NSString).pathExtension == fileExtension }
            .map { folder.appendingPathComponent($0) }
    }
}
