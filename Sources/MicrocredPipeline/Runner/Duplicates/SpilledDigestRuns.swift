import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sorted runs of digests in an anonymous temporary file (removed from the file system as soon as
/// it is open, so nothing is left behind), searched by binary search with positioned reads.
final class SpilledDigestRuns {
    private let descriptor: Int32
    /// Each run's first digest's position (in digests) and length.
    private var runs: [(start: Int, count: Int)] = []
    private var written = 0

    /// Opens a new temporary file; `nil` if none can be made.
    init?() {
        var template = Array(
            FileManager.default.temporaryDirectory.appendingPathComponent("microcred-ids-XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Appends `sorted` as a new run; `false` if it could not be written.
    func append(_ sorted: [UInt64]) -> Bool {
        do {
            try writeFully(sorted.withUnsafeBytes { Array($0) }, to: descriptor, path: "temporary file of credential ids")
        } catch {
            return false
        }
        runs.append((written, sorted.count))
        written += sorted.count
        return true
    }

    /// Whether any run holds `digest`.
    func contains(_ digest: UInt64) -> Bool {
        runs.contains { run in
            var low = 0
            var high = run.count - 1
            while low <= high {
                let middle = (low + high) / 2
                guard let value = read(at: run.start + middle) else { return false }
                if value == digest { return true }
                if value < digest { low = middle + 1 } else { high = middle - 1 }
            }
            return false
        }
    }

    private func read(at position: Int) -> UInt64? {
        var value: UInt64 = 0
        let count = withUnsafeMutableBytes(of: &value) {
            pread(descriptor, $0.baseAddress!, MemoryLayout<UInt64>.size, off_t(position * MemoryLayout<UInt64>.size))
        }
        return count == MemoryLayout<UInt64>.size ? value : nil
    }
}
