public import Foundation

/// A new, empty folder under the system's temporary folder for the length of one closure.
public enum TemporaryFolder {
    /// Runs `body` with a new folder whose name starts with `prefix`, then removes the folder and
    /// everything in it, whether `body` returns or throws.
    public static func with<Result>(_ prefix: String, _ body: (URL) throws -> Result) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// Runs `body` with the path of a file named `name` holding `bytes`, in a folder removed
    /// afterwards (see ``with(_:_:)``).
    public static func withFile<Result>(_ bytes: [UInt8], name: String, _ body: (String) throws -> Result) throws -> Result {
        try with("microcred-tests") { folder in
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return try body(url.path)
        }
    }
}
