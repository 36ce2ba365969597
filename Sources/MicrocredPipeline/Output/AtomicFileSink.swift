import Foundation

/// Writes a file atomically: bytes go to a temporary file beside the destination, which is
/// renamed over it on ``commit()``. An interrupted run leaves the destination as it was.
public final class AtomicFileSink: ByteSink {
    /// The destination path.
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var finished = false
    private static let flushThreshold = 1 << 20

    /// Creates the temporary file for `path`, creating missing parent folders.
    /// - Throws: ``OutputError`` when the folder cannot be created or written.
    public init(path: String) throws(OutputError) {
        self.path = path
        let folder = PathText.parent(path)
        let name = PathText.lastComponent(path)
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: path, reason: "cannot create folder '\(folder)'")
            }
        }
        temporaryPath = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).partial"
        descriptor = Foundation.open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(Self.flushThreshold)
    }

    deinit {
        if !finished { discard() }
    }

    public func write(_ bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    public func commit() throws(OutputError) {
        guard !finished else { return }
        try flush()
        finished = true
        close(descriptor)
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(path: path, reason: reason)
        }
    }

    public func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        unlink(temporaryPath)
    }

    private func flush() throws(OutputError) {
        try writeFully(buffer, to: descriptor, path: path)
        buffer.removeAll(keepingCapacity: true)
    }
}

@available(*, unavailable)
extension AtomicFileSink: Sendable {}
