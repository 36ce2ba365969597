/// Strings' UTF-8 bytes joined in a stack buffer, for hashing them without making a joined string
/// or array first.
public enum JoinedUTF8 {
    /// Calls `body` with the UTF-8 bytes of each of `parts`, in a buffer that lives only for the
    /// call.
    @inlinable
    public static func withBytes<Result>(of parts: [String], _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let count = parts.reduce(0) { $0 + $1.utf8.count }
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            var length = 0
            for var part in parts {
                length += part.withUTF8 { UnsafeMutableBufferPointer(rebasing: buffer[length...]).initialize(fromContentsOf: $0) }
            }
            return try body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<length])))
        }
    }
}
