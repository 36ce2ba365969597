import Foundation
import Testing

@Suite("Generated vocabulary tables")
struct VocabularyGeneratedTablesTests {
    /// Whether the shared source lists are beside the repository.
    static var refdataPresent: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: VocabularyFixture.refdataFolder.path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// Whether the environment demands the check even without the source lists.
    static var refdataRequired: Bool {
        ProcessInfo.processInfo.environment["MICROCRED_REQUIRE_REFDATA"] == "1"
    }

    @Test(
        "the committed tables are what the generator makes from ../shared/refdata/vocab",
        .enabled(if: refdataPresent || refdataRequired, "../shared/refdata/vocab is absent"))
    func committedTablesMatchGenerator() throws {
        guard Self.refdataPresent else {
            Issue.record("MICROCRED_REQUIRE_REFDATA=1 but \(VocabularyFixture.refdataFolder.path) is absent")
            return
        }
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("microcred-vocab-generated-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: output) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", VocabularyFixture.generatorScript.path,
            "--refdata", VocabularyFixture.refdataFolder.path, "--out", output.path,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "generate-vocab.py failed: \(message)")

        let generated = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        let committed = try FileManager.default.contentsOfDirectory(atPath: VocabularyFixture.vocabularyFolder.path)
            .filter { $0.hasSuffix(".tsv") || $0 == "README.md" }.sorted()
        #expect(generated == committed)
        #expect(generated.contains("aliases.tsv") && generated.contains("isced-f.tsv"))
        for name in generated {
            let fresh = try Data(contentsOf: output.appendingPathComponent(name))
            let stored = try Data(contentsOf: VocabularyFixture.vocabularyFolder.appendingPathComponent(name))
            #expect(fresh == stored, "Mappings/vocab/\(name) differs from the generator's output; run Scripts/generate-vocab.py")
        }
    }
}
