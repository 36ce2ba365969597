import Foundation

/// Writes all of `bytes` to an open file descriptor, retrying on interruption and partial writes.
/// - Throws: ``OutputError`` naming `path` when the system refuses the write.
func writeFully(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(OutputError) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
        if written < 0 {
            if errno == EINTR { continue }
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        offset += written
    }
}
