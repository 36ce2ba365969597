/// The parts of a file path, worked out on its text.
///
/// Foundation's `NSString` path methods on Linux trap on a one-character path without a slash
/// (`-o a`), so paths are taken apart here instead.
public enum PathText {
    /// The last component (`b.csv` of `a/b.csv`), ignoring trailing slashes; `/` for the root.
    public static func lastComponent(_ path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        let component = trimmed[trimmed.index(after: slash)...]
        return component.isEmpty ? "/" : String(component)
    }

    /// The path without its last component (`a` of `a/b.csv`, `/` of `/b.csv`, empty for `b.csv`).
    public static func parent(_ path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let parent = withoutTrailingSlashes(String(trimmed[..<slash]))
        return parent.isEmpty ? "/" : parent
    }

    /// `component` inside `folder`.
    public static func appending(_ component: String, to folder: String) -> String {
        guard !folder.isEmpty else { return component }
        return folder.hasSuffix("/") ? folder + component : folder + "/" + component
    }

    /// The extension of the last component without its dot (`csv` of `a/b.csv`), empty when it
    /// has none; a leading dot (`.profile`) starts a name, not an extension.
    public static func fileExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// The last component without its extension (`b` of `a/b.csv`).
    public static func baseName(_ path: String) -> String {
        let name = lastComponent(path)
        let pathExtension = fileExtension(name)
        return pathExtension.isEmpty ? name : String(name.dropLast(pathExtension.count + 1))
    }

    private static func withoutTrailingSlashes(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
