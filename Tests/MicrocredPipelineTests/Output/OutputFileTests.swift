import Foundation
import MicrocredPipeline
import Testing

@Suite struct OutputFileTests {
    private func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "microcred-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A folder holding `out.json` with the text `old`, and that file's path.
    private func folderWithOldOutput() throws -> (folder: String, path: String) {
        let folder = try temporaryFolder()
        let path = folder + "/out.json"
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    private func fileType(_ path: String) -> mode_t {
        var information = stat()
        return stat(path, &information) == 0 ? information.st_mode & S_IFMT : 0
    }

    @Test func replacesARegularFileOnlyWhenCommitted() throws {
        let (folder, path) = try folderWithOldOutput()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let sink = try OutputFile.sink(path: path)
        try sink.write(Array("new\n".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        try sink.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.json"])
    }

    @Test func discardingLeavesTheDestinationAsItWas() throws {
        let (folder, path) = try folderWithOldOutput()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let sink = try OutputFile.sink(path: path)
        try sink.write(Array(repeating: 0x41, count: 3 << 20))
        sink.discard()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.json"])
    }

    /// A named pipe (like `/dev/null` or `/dev/stdout`) cannot be replaced: it is written in place
    /// and is still a pipe afterwards.
    @Test func writesIntoANamedPipeInsteadOfReplacingIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }

        let sink = try OutputFile.sink(path: path)
        try sink.write(Array("through the pipe\n".utf8))
        try sink.commit()

        var received = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &received, received.count)
        #expect(Array(received.prefix(max(count, 0))) == Array("through the pipe\n".utf8))
        #expect(fileType(path) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["pipe"])
    }
}
