import Foundation

/// Streams to an open file descriptor (standard output), buffered. A stream cannot be taken back,
/// so ``discard()`` only drops what is still buffered.
public final class FileDescriptorSink: ByteSink {
    private let descriptor: Int32
    private let name: String
    private var buffer: [UInt8] = []
    private static let flushThreshold = 256 * 1024

    public init(descriptor: Int32, name: String = "-") {
        self.descriptor = descriptor
        self.name = name
    }

    public func write(_ bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    public func commit() throws(OutputError) { try flush() }

    public func discard() { buffer = [] }

    private func flush() throws(OutputError) {
        try writeFully(buffer, to: descriptor, path: name)
        buffer.removeAll(keepingCapacity: true)
    }
}

@available(*, unavailable)
extension FileDescriptorSink: Sendable {}
