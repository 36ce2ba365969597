import Foundation
public import MicrocredPipeline

extension CSVMapping {
    /// Loads the mapping file at `path`.
    /// - Throws: ``CSVMappingError`` with every problem found (unreadable file, invalid YAML,
    ///   unknown keys and fields, malformed values), each naming its place in the file.
    public static func load(path: String) throws(CSVMappingError) -> CSVMapping {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CSVMappingError(diagnostics: [
                Diagnostic(
                    code: "mapping.unreadable", severity: .error, message: "cannot read mapping file '\(path)'",
                    hint: FileManager.default.fileExists(atPath: path) ? "the file must be UTF-8 text" : "check the path",
                    location: SourceLocation(file: path))
            ])
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses mapping YAML; `file` names it in diagnostics.
    /// - Throws: ``CSVMappingError`` with every problem found.
    public static func parse(yaml: String, file: String? = nil) throws(CSVMappingError) -> CSVMapping {
        var parser = MappingParser(file: file)
        let defaultName = file.map(PathText.baseName) ?? "mapping"
        guard let mapping = parser.parse(yaml, defaultName: defaultName) else {
            throw CSVMappingError(diagnostics: parser.diagnostics)
        }
        return mapping
    }

    /// Checks the mapping file at `path` (`microcred mapping check`): every error that stops it
    /// from loading, and warnings about what it will do (ambiguous date formats, constants that
    /// are not values of their field, EU elements no column or constant supplies).
    /// - Returns: the findings; none means the mapping is fine.
    public static func check(path: String) -> [Diagnostic] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            return (try? load(path: path)).map { _ in [] } ?? [
                Diagnostic(
                    code: "mapping.unreadable", severity: .error, message: "cannot read mapping file '\(path)'",
                    hint: "check the path", location: SourceLocation(file: path))
            ]
        }
        return check(yaml: text, file: path)
    }

    /// Checks mapping YAML; see ``check(path:)``.
    public static func check(yaml: String, file: String? = nil) -> [Diagnostic] {
        var parser = MappingParser(file: file)
        let defaultName = file.map(PathText.baseName) ?? "mapping"
        guard let mapping = parser.parse(yaml, defaultName: defaultName) else { return parser.diagnostics }
        return parser.diagnostics + MappingCheck(mapping: mapping).findings()
    }

    /// The mapping to read or write with under `context`: the file given with `--mapping` (or
    /// the `mapping` option), else ``standard``.
    /// - Throws: ``Diagnostic`` summarising why the mapping file cannot be used.
    static func forContext(_ context: FormatContext) throws(Diagnostic) -> CSVMapping {
        guard let path = context.options[CSVDialectOptions.mapping] ?? context.mappingPath else { return .standard }
        do {
            return try load(path: path)
        } catch {
            throw error.summary
        }
    }
}
