import Foundation

/// Writes a file atomically: bytes go to a temporary file beside the destination, which is
/// renamed over it on ``commit()``. An interrupted run leaves the destination as it was.
///
/// ``OutputFile/sink(path:)`` chooses between this and writing in place (for devices and pipes,
/// which cannot be replaced).
public final class AtomicFileSink: ByteSink {
    /// The destination path.
    public let path: String
    private let temporaryPath: String
    private let file: FileDescriptorSink
    private var finished = false

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
        let descriptor = Foundation.open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        file = FileDescriptorSink(descriptor: descriptor, name: path, flushThreshold: 1 << 20, ownsDescriptor: true, writesBehind: true)
    }

    deinit {
        if !finished { discard() }
    }

    public func write(_ bytes: [UInt8]) throws(OutputError) {
        try file.write(bytes)
    }

    public func commit() throws(OutputError) {
        guard !finished else { return }
        finished = true
        do {
            try file.commit()
        } catch {
            file.discard()
            unlink(temporaryPath)
            throw error
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(path: path, reason: reason)
        }
    }

    public func discard() {
        guard !finished else { return }
        finished = true
        file.discard()
        unlink(temporaryPath)
    }
}

@available(*, unavailable)
extension AtomicFileSink: Sendable {}
