import Foundation
import MicrocredModel

/// Where the committed vocabulary tables and the shared source lists are, and the tables loaded
/// once for all tests.
enum VocabularyFixture {
    /// The repository root, four levels above this file.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Vocabulary
        .deletingLastPathComponent()  // MicrocredModelTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Mappings/vocab/` in this repository.
    static let vocabularyFolder = repositoryRoot.appendingPathComponent("Mappings/vocab", isDirectory: true)

    /// `../shared/refdata/vocab` beside the repository.
    static let refdataFolder = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/refdata/vocab", isDirectory: true)

    /// The generator script.
    static let generatorScript = repositoryRoot.appendingPathComponent("Scripts/generate-vocab.py")

    private static let loaded = Result { () throws(VocabularyLoadError) -> Vocabularies in
        try Vocabularies.load(from: vocabularyFolder)
    }

    /// The committed tables, loaded once.
    static func vocabularies() throws -> Vocabularies {
        try loaded.get()
    }

    /// A fresh temporary folder holding a copy of the committed tables.
    static func copyOfTables() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("microcred-vocab-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: vocabularyFolder.path) where name.hasSuffix(".tsv") {
            try FileManager.default.copyItem(
                at: vocabularyFolder.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }
}
