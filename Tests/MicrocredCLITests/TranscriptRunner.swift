import Foundation
import MicrocredCLI
import MicrocredPipeline
import MicrocredTestSupport
import Testing

/// Runs CLI transcripts: text files of commands and what they print.
///
/// ```
/// %# a comment
/// % microcred convert SampleData/model/credentials.jsonl --to model -o $TMP/out.jsonl
/// 2> 4 read, 4 written, 0 rejected from 1 input (profile eu-2022)
/// => 0
/// % cat $TMP/out.jsonl
/// {"modelVersion":1,…}
/// ```
///
/// Lines starting with `%#` are comments. Lines after a `% microcred …` command are its standard output, `2> ` lines its standard error,
/// `=> N` its exit code. `% cat FILE` shows a file the previous commands wrote, `% ls FOLDER` its
/// sorted entries. `$TMP` is a fresh folder per transcript; commands run from the repository
/// root, with `SOURCE_DATE_EPOCH` pinning the run's today to 2026-11-29 (so `$today` in mappings,
/// and the identifiers derived from it, do not change with the calendar). `RECORD_GOLDENS=1`
/// rewrites the transcript (and fails, for review).
struct TranscriptRunner {
    let url: URL

    /// 2026-11-29T00:00:00Z.
    static let sourceDateEpoch = "1795910400"

    /// Runs every command and returns the transcript as it comes out now.
    func run() throws -> String {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("transcript-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let expected = try String(contentsOf: url, encoding: .utf8)
        var output: [String] = []
        for line in expected.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("%#") {
                output.append(String(line))
            } else if line.hasPrefix("% ") {
                output.append(String(line))
                let words = Self.words(String(line.dropFirst(2))).map { $0.replacingOccurrences(of: "$TMP", with: temporary.path) }
                output += try execute(words, standardInput: nil).map { $0.replacingOccurrences(of: temporary.path, with: "$TMP") }
            }
        }
        while output.last == "" { output.removeLast() }
        return output.joined(separator: "\n") + "\n"
    }

    private func execute(_ words: [String], standardInput: Data?) throws -> [String] {
        switch words.first {
        case "cat":
            let text = try String(contentsOfFile: words[1], encoding: .utf8)
            return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0).map(String.init)
        case "ls":
            return try FileManager.default.contentsOfDirectory(atPath: words[1]).sorted()
        case "microcred":
            let sink = MemorySink()
            var errors = ""
            let console = Console(
                standardOutput: sink, writeError: { errors += $0 }, standardInput: standardInput,
                environment: ["MICROCRED_DATA_DIR": RepositoryPaths.mappings.path, "SOURCE_DATE_EPOCH": Self.sourceDateEpoch],
                currentDirectory: RepositoryPaths.root.path)
            let status = MicrocredCommand.main(arguments: Array(words.dropFirst()), console: console)
            var lines = sink.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            lines += errors.split(separator: "\n", omittingEmptySubsequences: true).map { "2> " + $0 }
            lines.append("=> \(status)")
            return lines
        default:
            throw TranscriptError(message: "unknown transcript command '\(words.first ?? "")'")
        }
    }

    /// Splits a command line on spaces, honouring single and double quotes.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// Every transcript file.
    static var all: [URL] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
    }
}

struct TranscriptError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Process-wide: the runner resolves relative paths against the current folder, so every
/// transcript runs from the repository root.
let enterRepositoryRoot: Void = {
    precondition(
        FileManager.default.changeCurrentDirectoryPath(RepositoryPaths.root.path), "cannot enter \(RepositoryPaths.root.path)")
}()
