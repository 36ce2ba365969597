/// The bytes a serializer writes: a growable buffer whose appends are a capacity check and a copy,
/// without `Array`'s uniqueness check and generic-sequence path on every call.
///
/// The XML markup writer and the JSON serializer write into one and hand the result over as an
/// array;
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

    /// Appends the bytes of `source` from `start` up to the first byte of a class (given as for
    /// ``ByteClassScan/first(in:from:plain:isMember:marks:)``), copying them eight at a time while
    /// looking at them, and returns that byte's offset, or `source.count` when there is none.
    ///
    /// Words are stored whole, so bytes of `source` past the run may be stored too: room is made
    /// for all of `source` from `start`, and what is appended next overwrites them. The last bytes
    /// of a run of at least eight are read and stored as the last word of `source`, so only text
    /// shorter than a word is copied byte by byte.
    @inlinable @inline(__always)
    public mutating func appendRun(
        of source: UnsafeBufferPointer<UInt8>, from start: Int, isMember: (UInt8) -> Bool, marks: (UInt64) -> UInt64
    ) -> Int {
        let count = source.count
        guard let from = source.baseAddress, start < count else { return count }
        let length = count - start
        if capacity - written < length { grow(toHold: length) }
        let target = base + written - start
        var index = start
        while count - index >= 8 {
            let word = ByteClassScan.word(at: from + index)
            UnsafeMutableRawPointer(target + index).storeBytes(of: word.littleEndian, as: UInt64.self)
            let found = marks(word)
            if found != 0 {
                index += found.trailingZeroBitCount >> 3
                written += index - start
                return index
            }
            index += 8
        }
        if index < count {
            if length >= 8 {
                // The bytes before `index` in the last word were looked at in the loop.
                let word = ByteClassScan.word(at: from + count - 8)
                UnsafeMutableRawPointer(target + count - 8).storeBytes(of: word.littleEndian, as: UInt64.self)
                let found = marks(word) & (~UInt64(0) << UInt64((index - (count - 8)) * 8))
                index = found == 0 ? count : count - 8 + found.trailingZeroBitCount >> 3
            } else {
                while index < count, !isMember(from[index]) {
                    target[index] = from[index]
                    index += 1
                }
            }
        }
        written += index - start
        return index
    }

    /// Appends a copy of the bytes written at `range` (a range of the bytes already written).
    @inlinable
    public mutating func appendCopy(of range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= written, "a range outside the bytes written")
        if capacity - written < range.count { grow(toHold: range.count) }
        (base + written).initialize(from: base + range.lowerBound, count: range.count)
        written += range.count
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
