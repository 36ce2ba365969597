import Foundation

/// Streams to an open file descriptor, buffered. A stream cannot be taken back, so ``discard()``
/// only drops what is still buffered.
public final class FileDescriptorSink: ByteSink {
    private let descriptor: Int32
    private let name: String
    private let flushThreshold: Int
    private var buffer: [UInt8] = []
    /// Whether the sink closes the descriptor when it is committed or discarded.
    private var ownsDescriptor: Bool
    /// The page-cache hints for a regular file, or `nil`.
    private var writeBehind: WriteBehind?
    /// The bytes written to the descriptor so far.
    private var written = 0

    /// Creates a sink writing to `descriptor`.
    /// - Parameters:
    ///   - descriptor: An open descriptor (standard output, or one the sink is given).
    ///   - name: The name errors give for the output.
    ///   - flushThreshold: How many bytes are gathered before they are written.
    ///   - ownsDescriptor: Whether ``commit()`` and ``discard()`` close the descriptor.
    ///   - writesBehind: Whether the descriptor is a regular file written from its start, whose
    ///     written parts are sent to disk and dropped from the page cache as the file grows
    ///     (see ``WriteBehind``).
    public init(
        descriptor: Int32, name: String = "-", flushThreshold: Int = 256 * 1024, ownsDescriptor: Bool = false, writesBehind: Bool = false
    ) {
        self.descriptor = descriptor
        self.name = name
        self.flushThreshold = flushThreshold
        self.ownsDescriptor = ownsDescriptor
        self.writeBehind = writesBehind ? WriteBehind(descriptor: descriptor) : nil
        buffer.reserveCapacity(flushThreshold)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    public func write(_ bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    public func commit() throws(OutputError) {
        try flush()
        closeIfOwned()
    }

    public func discard() {
        buffer = []
        closeIfOwned()
    }

    private func flush() throws(OutputError) {
        try writeFully(buffer, to: descriptor, path: name)
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
        writeBehind?.fileGrew(to: written)
    }

    private func closeIfOwned() {
        guard ownsDescriptor else { return }
        ownsDescriptor = false
        close(descriptor)
    }
}

@available(*, unavailable)
extension FileDescriptorSink: Sendable {}
