import Foundation
import MicrocredPipeline

/// A one-line progress display on standard error, shown only on a terminal and only once a run
/// has taken more than a second.
final class ProgressLine {
    private let console: Console
    private let enabled: Bool
    private let start = Date()
    private var shown = false
    private var lastUpdate = Date.distantPast

    init(console: Console, enabled: Bool) {
        self.console = console
        self.enabled = enabled
    }

    func update(_ progress: RunProgress) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastUpdate) > 0.2 else { return }
        lastUpdate = now
        shown = true
        let rate = Double(progress.recordsRead) / now.timeIntervalSince(start)
        console.errorRaw(
            "\r\u{1B}[K\(progress.recordsRead) read, \(progress.recordsWritten) written, \(progress.recordsRejected) rejected"
                + " (\(Int(rate))/s) \(progress.currentInput)")
    }

    func clear() {
        if shown { console.errorRaw("\r\u{1B}[K") }
    }
}
