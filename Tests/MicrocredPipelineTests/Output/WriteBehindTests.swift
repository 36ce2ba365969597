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

    /// The share of the first `length` bytes of the file that is in the page cache (`mincore`), or
    /// `nil` when it cannot be found out.
    private static func cachedShare(of path: String, length: Int) -> Double? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let mapping = mmap(nil, length, PROT_READ, MAP_SHARED, descriptor, 0), mapping != MAP_FAILED else { return nil }
        defer { munmap(mapping, length) }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        var residency = [UInt8](repeating: 0, count: length / pageSize)
        guard mincore(mapping, length, &residency) == 0 else { return nil }
        return Double(residency.filter { $0 & 1 == 1 }.count) / Double(residency.count)
    }

    /// Whether the temporary folder's file system can drop a file's pages once they are on disk:
    /// tmpfs (the default `/tmp` of several distributions) keeps every page in memory, and there
    /// the test has nothing to observe.
    static var pagesCanBeDropped: Bool {
        let path = NSTemporaryDirectory() + "microcred-drop-probe-\(UUID().uuidString)"
        defer { unlink(path) }
        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let bytes = [UInt8](repeating: 0, count: 1 << 20)
        guard Foundation.write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0,
            posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED) == 0
        else { return false }
        return cachedShare(of: path, length: bytes.count).map { $0 < 0.5 } ?? false
    }

    @Test(.enabled(if: pagesCanBeDropped, "the temporary folder's file system keeps written files in memory (tmpfs)"))
    func dropsTheWrittenStartOfALongFileFromThePageCache() throws {
        let folder = NSTemporaryDirectory() + "microcred-write-behind-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        try write(to: folder + "/plain", writesBehind: false)
        let plain = try #require(Self.cachedShare(of: folder + "/plain", length: 16 << 20))
        try #require(plain > 0.9, "a file just written is expected in the page cache")

        try write(to: folder + "/behind", writesBehind: true)
        let behind = try #require(Self.cachedShare(of: folder + "/behind", length: 16 << 20))
        #expect(behind < 0.1)
        let written = try Data(contentsOf: URL(fileURLWithPath: folder + "/behind"))
        #expect(written.count == Self.length && written.allSatisfy { $0 == UInt8(ascii: "x") })
    }
}
#endif
