import Foundation
/// Names the files of a `--split` output: derived from each credential's id, sanitised so no name
/// can leave the output folder, made unique within the run.
public struct SplitFileNamer {
    private var used: Set<String> = []

    public init() {}

    /// A file name (no folder) for a record with `id`, ending in `.fileExtension`.
    public mutating func name(for id: String?, record: Int, fileExtension: String) -> String {
        var stem = Self.sanitised(id ?? "")
        if stem.isEmpty { stem = "record-\(record)" }
        var candidate = stem
        var counter = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(stem)-\(counter)"
            counter += 1
        }
        used.insert(candidate.lowercased())
        return candidate + "." + fileExtension
    }

    /// `id` reduced to letters, digits, `-`, `_` and `.`: the last meaningful segment of an IRI
    /// or URN (`urn:uuid:1234…` → `1234…`), other characters replaced by `_`, no leading dot, at
    /// most 120 characters.
    public static func sanitised(_ id: String) -> String {
        var text = id.trimmingWhitespace()
        for prefix in ["urn:uuid:", "urn:"] where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            break
        }
        if text.contains("/") {
            text = text.split(separator: "/").last.map(String.init) ?? ""
        }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result.unicodeScalars.append("_")
            }
        }
        while result.hasPrefix(".") { result.removeFirst() }
        return String(result.prefix(120))
    }
}
