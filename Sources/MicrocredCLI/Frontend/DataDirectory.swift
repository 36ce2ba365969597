import Foundation
import MicrocredModel
import MicrocredPipeline

/// Finds microcred's data folder (the shipped `Mappings/`, holding `vocab/`) and loads the
/// controlled vocabularies from it once per run.
///
/// Searched in order: `$MICROCRED_DATA_DIR`; `../share/microcred` beside the executable (an
/// installed copy); `Mappings/` in the current folder; the `Mappings/` of the source tree the
/// executable was built from.
enum DataDirectory {
    /// The candidate folders, in search order.
    static func candidates(console: Console) -> [String] {
        var folders: [String] = []
        if let explicit = console.environment["MICROCRED_DATA_DIR"] { folders.append(explicit) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        folders.append(executable.deletingLastPathComponent().appendingPathComponent("../share/microcred").standardized.path)
        folders.append(PathText.appending("Mappings", to: console.currentDirectory))
        folders.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Mappings").standardized.path)
        return folders
    }

    /// The first candidate that holds `vocab/`.
    static func locate(console: Console) -> String? {
        candidates(console: console).first {
            FileManager.default.fileExists(atPath: PathText.appending("vocab", to: $0))
        }
    }

    /// The vocabularies of the data folder.
    /// - Throws: ``RunFailure`` when no data folder is found or its tables cannot be read.
    static func vocabularies(console: Console) throws -> Vocabularies {
        guard let folder = locate(console: console) else {
            throw RunFailure(
                diagnostic: .error(
                    "data.not-found", "cannot find microcred's data folder (Mappings/vocab)",
                    hint: "set MICROCRED_DATA_DIR to the Mappings folder of a microcred checkout"))
        }
        do {
            return try Vocabularies.load(from: URL(fileURLWithPath: folder).appendingPathComponent("vocab"))
        } catch {
            throw RunFailure(diagnostic: .error("data.unreadable", "cannot read the vocabularies in '\(folder)/vocab': \(error)"))
        }
    }
}
