/// Comparing runs of bytes a word at a time.
public enum ByteComparison {
    /// Whether `lhs` and `rhs` hold the same bytes.
    @inlinable
    public static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        var offset = 0
        while lhs.count - offset >= 8 {
            guard ByteClassScan.word(at: left + offset) == ByteClassScan.word(at: right + offset) else { return false }
            offset += 8
        }
        while offset < lhs.count {
            guard left[offset] == right[offset] else { return false }
            offset += 1
        }
        return true
    }
}
