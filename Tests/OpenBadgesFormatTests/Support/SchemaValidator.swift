import Foundation
import MicrocredModel
import MicrocredTestSupport
import Testing

/// Validates documents against a JSON Schema with python's `jsonschema` (draft 2019-09, formats
/// checked), run through `/usr/bin/env python3`.
enum SchemaValidator {
    /// The error messages per document (empty when valid), or `nil` when python or jsonschema is
    /// missing (a failure is recorded when MICROCRED_REQUIRE_REFDATA=1).
    static func errors(for documents: [JSONValue], schema: URL, sourceLocation: SourceLocation = #_sourceLocation) -> [[String]]? {
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("NO-JSONSCHEMA"); sys.exit(0)
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.Draft201909Validator(schema, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER)
            for line in open(sys.argv[2], encoding='utf-8'):
                if not line.strip():
                    continue
                document = json.loads(line)
                errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
                print(json.dumps(["/" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:300] for e in errors]))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("ob3-schema-\(UUID().uuidString).jsonl")
        let lines = documents.map { JSONSerializer().string($0) }.joined(separator: "\n") + "\n"
        do {
            try Data(lines.utf8).write(to: inputFile)
        } catch {
            Issue.record("cannot write \(inputFile.path): \(error)", sourceLocation: sourceLocation)
            return nil
        }
        defer { try? FileManager.default.removeItem(at: inputFile) }
        process.arguments = ["python3", "-c", script, schema.path, inputFile.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            missing("python3 cannot be run: \(error)", sourceLocation: sourceLocation)
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("NO-JSONSCHEMA") || process.terminationStatus != 0 {
            missing("python3 with jsonschema is not available", sourceLocation: sourceLocation)
            return nil
        }
        return text.split(separator: "\n").map { line in
            (try? JSONParser.parse(String(line)))?.listValue.compactMap(\.stringValue) ?? ["unreadable validator output: \(line)"]
        }
    }

    /// The OB 3.0 AchievementCredential schema in refdata.
    static func ob3Schema(sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        RefData.url("openbadges/ob3/schema/achievementcredential.json", sourceLocation: sourceLocation)
    }

    private static func missing(_ reason: String, sourceLocation: SourceLocation) {
        if RefData.isRequired { Issue.record("\(reason) but MICROCRED_REQUIRE_REFDATA=1", sourceLocation: sourceLocation) }
    }
}
