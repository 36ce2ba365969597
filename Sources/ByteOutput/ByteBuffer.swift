/// The bytes a serializer writes: a growable buffer whose appends are a capacity check and a copy,
/// without `Array`'s uniqueness check and generic-sequence path on every call.
///
/// The XML and JSON serializers write into one and hand the result over as an array (``array()``);
/// the XML reader gathers text in one, emptied (``removeAll()``) and filled again for each run.
public struct ByteBuffer: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var written = 0

    /// The number of bytes written.
    public var count: Int { written }

    /// Creates an empty buffer with room for `capacity` bytes before it first grows.
    public init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// Appends one byte.
    @inlinable
    public mutating func append(_ byte: UInt8) {
        if written == capacity { grow(toHold: 1) }
        base[written] = byte
        written += 1
    }

    /// Appends the bytes of `bytes`.
    @inlinable
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if capacity - written < bytes.count { grow(toHold: bytes.count) }
        (base + written).initialize(from: source, count: bytes.count)
        written += bytes.count
    }

    /// Appends the UTF-8 bytes of `text`.
    @inlinable
    public mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var text = text
            text.withUTF8 { append($0) }
        }
    }

    /// Appends the UTF-8 bytes of `markup`, a literal.
    @inlinable
    public mutating func append(_ markup: StaticString) {
        append(UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
    }

    /// Appends the bytes of `bytes`.
    @inlinable
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends `byte` `repetitions` times.
    @inlinable
    public mutating func append(_ byte: UInt8, repeated repetitions: Int) {
        guard repetitions > 0 else { return }
        if capacity - written < repetitions { grow(toHold: repetitions) }
        (base + written).initialize(repeating: byte, count: repetitions)
        written += repetitions
    }

    /// The bytes written so far, valid until the buffer next changes.
    public var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: written)
    }

    /// Forgets the bytes written, keeping the memory for the next ones.
    public mutating func removeAll() {
        written = 0
    }

    /// The bytes written, as an array.
    public consuming func array() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: written))
    }

    /// Makes room for `extra` more bytes, at least doubling the capacity.
    @usableFromInline
    mutating func grow(toHold extra: Int) {
        let newCapacity = Swift.max(2 * capacity, written + extra)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: written)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
