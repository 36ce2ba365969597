public import Foundation
public import Testing

/// Golden-file comparison with a record mode.
///
/// `assertMatches` compares text with a file checked into the repository. With
/// `RECORD_GOLDENS=1` it rewrites the file and records a failure, so the diff must be reviewed and
/// the run repeated; a missing golden file is written the same way.
public enum Golden {
    /// Whether goldens are being re-recorded.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    /// Checks that `actual` equals the contents of `golden`.
    public static func assertMatches(_ actual: String, golden: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = try? String(contentsOf: golden, encoding: .utf8)
        if isRecording || expected == nil {
            try? FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record(
                "golden file '\(golden.lastPathComponent)' \(expected == nil ? "created" : "re-recorded"); review the diff and run again",
                sourceLocation: sourceLocation)
            return
        }
        guard let expected, expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let expectedLine = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end of file>"
        let actualLine = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end of file>"
        Issue.record(
            """
            output differs from golden file '\(golden.path)' at line \(firstDifference + 1)
              expected: \(expectedLine)
              actual:   \(actualLine)
            (run with RECORD_GOLDENS=1 to re-record, then review the diff)
            """, sourceLocation: sourceLocation)
    }
}
