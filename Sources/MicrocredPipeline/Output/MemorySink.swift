/// Collects output in memory (standard output in tests, the rendering of a single record).
public final class MemorySink: ByteSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether ``commit()`` was called.
    public private(set) var isCommitted = false

    public init() {}

    public func write(_ bytes: [UInt8]) throws(OutputError) { self.bytes.append(contentsOf: bytes) }
    public func commit() throws(OutputError) { isCommitted = true }
    public func discard() { bytes = [] }

    /// The output as UTF-8 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

@available(*, unavailable)
extension MemorySink: Sendable {}
