import Foundation

/// Access to `../shared/refdata/…` beside the repository, found from this file's location.
///
/// Tests that need reference data carry `.enabled(if: RefData.shouldRun)`, so they are skipped when
/// the folder is absent, and call ``refDataURL(_:)``, which throws (failing the test) when data is
/// missing while `MICROCRED_REQUIRE_REFDATA=1`.
enum RefData {
    /// `../shared/refdata` from the repository root.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // XMLSupportTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .deletingLastPathComponent()
        .appendingPathComponent("shared/refdata")

    /// Whether the environment demands reference data (CI sets `MICROCRED_REQUIRE_REFDATA=1`).
    static var isRequired: Bool { ProcessInfo.processInfo.environment["MICROCRED_REQUIRE_REFDATA"] == "1" }

    /// Whether the reference data folder exists.
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: root.path) }

    /// Whether tests using reference data should run: when it is there, or when it is required (so
    /// that its absence fails them instead of skipping them).
    static var shouldRun: Bool { isAvailable || isRequired }
}

/// Reference data is missing although `MICROCRED_REQUIRE_REFDATA=1`.
struct MissingRefData: Error, CustomStringConvertible {
    var relativePath: String
    var description: String { "reference data '\(relativePath)' is missing but MICROCRED_REQUIRE_REFDATA=1" }
}

/// The URL of `relative` inside `../shared/refdata/`.
///
/// - Returns: The URL, or `nil` when it is absent and not required (the caller returns early).
/// - Throws: ``MissingRefData`` when it is absent and required; Swift Testing records the thrown
///   error as the test's failure.
func refDataURL(_ relative: String) throws -> URL? {
    let url = RefData.root.appendingPathComponent(relative)
    if FileManager.default.fileExists(atPath: url.path) { return url }
    guard RefData.isRequired else { return nil }
    throw MissingRefData(relativePath: relative)
}
