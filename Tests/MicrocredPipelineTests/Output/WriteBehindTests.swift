#if os(Linux)
import Foundation
import MicrocredPipeline
import Testing

/// A long output file written behind leaves its early parts on disk and out of the page cache; the
/// same bytes written plainly stay cached.
@Suite struct WriteBehindTests {
    /// 40 MB in 1 MB writes: five 8 MB windows, the first three of which are dropped.
    private static let length = 40 << 20
    private static let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)

    private func write(to path: String, writesBehind: Bool) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        let sink = FileDescriptorSink(
            descriptor: descriptor, name: path, flushThreshold: Self.chunk.count, ownsDescriptor: true, writesBehind: writesBehind)
        for _ in 0..<(Self.length / Self.chunk.count) { try sink.write(Self.chunk) }
        try sink.commit()
    }

    /// The share of the first 16 MB of the file that is in the page cache (`mincore`).
    private func cachedShareOfStart(_ path: String) throws -> Double {
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let length = 16 << 20
        let mapping = mmap(nil, length, PROT_READ, MAP_SHARED, descriptor, 0)
        try #require(mapping != MAP_FAILED)
        defer { munmap(mapping, length) }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        var residency = [UInt8](repeating: 0, count: length / pageSize)
        try #require(mincore(mapping, length, &residency) == 0)
        return Double(residency.filter { $0 & 1 == 1 }.count) / Double(residency.count)
    }

    @Test func dropsTheWrittenStartOfALongFileFromThePageCache() throws {
        let folder = NSTemporaryDirectory() + "microcred-write-behind-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        try write(to: folder + "/plain", writesBehind: false)
        let plain = try cachedShareOfStart(folder + "/plain")
        // A file system that keeps every page in memory (tmpfs) has no disk to write behind to.
        try #require(plain > 0.9, "the temporary folder's file system does not cache written files")

        try write(to: folder + "/behind", writesBehind: true)
        #expect(try cachedShareOfStart(folder + "/behind") < 0.1)
        let written = try Data(contentsOf: URL(fileURLWithPath: folder + "/behind"))
        #expect(written.count == Self.length && written.allSatisfy { $0 == UInt8(ascii: "x") })
    }
}
#endif
