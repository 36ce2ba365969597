#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Musl)
    internal import Musl
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Reads a file in fixed-size chunks for ``XMLPullReader/init(contentsOf:)``.
///
/// Owns its file descriptor from a successful `init` until `deinit`. Single-consumer.
final class XMLFileChunks {
    /// The bytes read per chunk.
    static let chunkSize = 64 * 1024

    private let path: String
    private let descriptor: Int32

    /// Opens the file at `path` for reading.
    /// - Throws: ``XMLError`` with code `xml.unreadable` when it does not exist, is a folder or
    ///   cannot be opened.
    init(path: String) throws(XMLError) {
        var information = stat()
        guard stat(path, &information) == 0 else { throw Self.unreadable(path, Self.systemReason()) }
        guard information.st_mode & S_IFMT != S_IFDIR else { throw Self.unreadable(path, "it is a folder") }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Self.unreadable(path, Self.systemReason()) }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The next chunk, or `nil` at the end of the file.
    /// - Throws: ``XMLError`` with code `xml.unreadable` when reading fails.
    func next() throws(XMLError) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: Self.chunkSize)
        var count: Int
        repeat {
            count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else { throw Self.unreadable(path, Self.systemReason()) }
        guard count > 0 else { return nil }
        bytes.removeSubrange(count...)
        return bytes
    }

    private static func systemReason() -> String {
        String(cString: strerror(errno))
    }

    private static func unreadable(_ path: String, _ reason: String) -> XMLError {
        XMLError(
            XMLIssue(code: XMLIssue.Code.unreadable, message: "cannot read '\(path)': \(reason.lowercased())"),
            documentName: path)
    }
}

@available(*, unavailable)
extension XMLFileChunks: Sendable {}
