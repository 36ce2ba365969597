public import Foundation

/// Expands command-line inputs into the ordered list of inputs of a batch.
public enum InputDiscovery {
    /// Files for `paths`: a file as given, a folder walked recursively with its files sorted by
    /// path (hidden files skipped), `-` as standard input; no paths means standard input.
    /// - Parameter standardInput: bytes to read in place of the process's standard input.
    /// - Throws: ``InputError/notFound(path:)`` for a path that does not exist.
    public static func inputs(for paths: [String], standardInput: Data? = nil) throws(InputError) -> [InputSource] {
        guard !paths.isEmpty else { return [.standardInput(standardInput)] }
        var inputs: [InputSource] = []
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput(standardInput))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .notFound(path: path)
            }
            if isDirectory.boolValue {
                inputs.append(contentsOf: filesBelow(path).map(InputSource.file))
            } else {
                inputs.append(.file(path))
            }
        }
        return inputs
    }

    private static func filesBelow(_ folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let components = relative.split(separator: "/")
            if components.contains(where: { $0.hasPrefix(".") }) { continue }
            let path = PathText.appending(relative, to: folder)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }
}
