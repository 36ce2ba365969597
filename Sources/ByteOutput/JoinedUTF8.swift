/// Strings' UTF-8 bytes joined in a stack buffer, for hashing them without making a joined string
/// or array first.
public enum JoinedUTF8 {
    /// Calls `body` with the bytes of `leading` followed by the UTF-8 bytes of each of `parts`, in
    /// a buffer that lives only for the call.
    @inlinable
    public static func withBytes<Result>(
        of parts: [String], after leading: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        let count = parts.reduce(leading.count) { $0 + $1.utf8.count }
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            var length = buffer.initialize(fromContentsOf: leading)
            for var part in parts {
                length += part.withUTF8 { UnsafeMutableBufferPointer(rebasing: buffer[length...]).initialize(fromContentsOf: $0) }
            }
            return try body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<length])))
        }
    }
}
