import Foundation
import MicrocredCLI
import MicrocredPipeline
import MicrocredTestSupport
import Testing

/// Renders the HTML report in a real headless browser and checks what the page shows.
@Suite struct HTMLReportTests {
    static let browserPaths = ["/usr/bin/chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"]

    static var browser: String? { browserPaths.first { FileManager.default.isExecutableFile(atPath: $0) } }

    private func render(_ arguments: [String]) throws -> (folder: URL, page: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("html-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("report.html")
        let console = Console(
            standardOutput: MemorySink(), writeError: { _ in }, environment: ["MICROCRED_DATA_DIR": RepositoryPaths.mappings.path],
            currentDirectory: RepositoryPaths.root.path)
        _ = MicrocredCommand.main(arguments: arguments + ["--html-report", page.path, "--quiet"], console: console)
        return (folder, page)
    }

    private func browse(_ page: URL, browser: String, extra: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] + extra + [page.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theBrowserShowsTheSummaryChartCompletenessAndRejectedRecords() throws {
        guard let browser = Self.browser else {
            if RefData.isRequired { Issue.record("no headless browser found at \(Self.browserPaths) but MICROCRED_REQUIRE_REFDATA=1") }
            return
        }
        let sample = RepositoryPaths.sampleData.appendingPathComponent("model/with-problems.jsonl").path
        let (folder, page) = try render(["validate", sample])
        defer { try? FileManager.default.removeItem(at: folder) }
        let dom = try browse(page, browser: browser, extra: ["--dump-dom"])
        #expect(dom.contains("<title>microcred run report"))
        #expect(dom.contains(#"<div class="card" id="count-read"><span class="number">5</span>"#))
        #expect(dom.contains(#"<div class="card" id="count-rejected"><span class="number">4</span>"#))
        #expect(dom.contains("4 of 5 records were rejected."))
        for code in ["eu.missing-learning-outcomes", "eu.missing-level", "json.malformed", "model.unsupported-version", "date.valid-until-before-valid-from"] {
            #expect(dom.contains(#"<g class="bar" data-code="\#(code)" data-count="1">"#), "chart bar for \(code)")
        }
        #expect(dom.contains(#"data-element="learning-outcomes" data-percent="40""#))
        #expect(dom.contains(#"<tr class="required" data-element="level""#))
        #expect(dom.contains(#"<tr class="optional" data-element="prerequisites""#))
        #expect(dom.contains("with-problems.jsonl:4 (record 4)"))
        #expect(!dom.contains("<script"))

        let screenshot = folder.appendingPathComponent("report.png")
        _ = try browse(page, browser: browser, extra: ["--screenshot=\(screenshot.path)", "--window-size=1000,1400"])
        let png = try Data(contentsOf: screenshot)
        #expect(png.count > 20_000)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test func aCleanRunSaysEveryRecordWasWritten() throws {
        let (folder, page) = try render(["validate", RepositoryPaths.sampleData.appendingPathComponent("model/credentials.jsonl").path])
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("Every record was written."))
        #expect(html.contains("No record was rejected."))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
    }

    @Test func escapesWhatTheRecordsContain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("html-escape-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("evil.jsonl")
        try Data("{\"modelVersion\":1,\"id\":\"<script>alert(1)</script>\"}\n".utf8).write(to: input)
        let (reportFolder, page) = try render(["validate", input.path])
        defer { try? FileManager.default.removeItem(at: reportFolder) }
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
