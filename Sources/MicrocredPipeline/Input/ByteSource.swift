import Foundation

/// Reads an input in chunks, never holding more than one chunk plus what a caller peeks.
///
/// The source owns its file descriptor (closed on deinit, unless it is standard input). It is a
/// single-consumer object: one reader pulls from it.
public final class ByteSource {
    /// The bytes read per chunk.
    public static let chunkSize = 256 * 1024

    /// The input's name for locations: its path, or `-`.
    public let name: String
    /// How many bytes ``read()`` has handed out so far.
    public private(set) var bytesRead = 0
    private let fileDescriptor: Int32?
    private let ownsDescriptor: Bool
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var atEnd = false
    private var deliverySize = Int.max

    /// Opens the file at `path`.
    /// - Throws: ``InputError`` when it cannot be opened or is a folder.
    public init(path: String) throws(InputError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notFound(path: path)
        }
        guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "it is a folder") }
        let descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        self.name = path
        self.fileDescriptor = descriptor
        self.ownsDescriptor = true
    }

    /// Reads from an already open descriptor it does not own (standard input).
    public init(fileDescriptor: Int32, name: String) {
        self.name = name
        self.fileDescriptor = fileDescriptor
        self.ownsDescriptor = false
    }

    /// Reads from bytes in memory, handing them out `chunkSize` bytes at a time (small chunks let
    /// tests put chunk boundaries anywhere).
    public init(bytes: [UInt8], name: String, chunkSize: Int = .max) {
        self.name = name
        self.fileDescriptor = nil
        self.ownsDescriptor = false
        self.pending = bytes
        self.atEnd = true
        self.deliverySize = max(1, chunkSize)
    }

    deinit {
        if ownsDescriptor, let fileDescriptor { close(fileDescriptor) }
    }

    /// Up to `count` bytes from the current position, without consuming them (for sniffing).
    public func peek(_ count: Int) throws(InputError) -> ArraySlice<UInt8> {
        while pending.count - pendingOffset < count, !atEnd { try fill() }
        return pending[pendingOffset..<min(pending.count, pendingOffset + count)]
    }

    /// The next chunk, or `nil` at the end of the input.
    public func read() throws(InputError) -> [UInt8]? {
        if pendingOffset < pending.count {
            let end = pending.count - pendingOffset > deliverySize ? pendingOffset + deliverySize : pending.count
            let chunk = Array(pending[pendingOffset..<end])
            bytesRead += chunk.count
            pendingOffset = end
            if pendingOffset == pending.count {
                pending = []
                pendingOffset = 0
            }
            return chunk
        }
        guard !atEnd else { return nil }
        try fill()
        return try read()
    }

    /// All remaining bytes (for formats whose records are whole files, such as images).
    public func readAll(limit: Int = 256 * 1024 * 1024) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        while let chunk = try read() {
            bytes.append(contentsOf: chunk)
            if bytes.count > limit { throw .unreadable(path: name, reason: "larger than \(limit) bytes") }
        }
        return bytes
    }

    private func fill() throws(InputError) {
        guard let fileDescriptor else {
            atEnd = true
            return
        }
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var count = 0
        repeat {
            count = buffer.withUnsafeMutableBytes { Foundation.read(fileDescriptor, $0.baseAddress, Self.chunkSize) }
        } while count < 0 && errno == EINTR
        if count < 0 { throw .unreadable(path: name, reason: String(cString: strerror(errno))) }
        if count == 0 {
            atEnd = true
            return
        }
        if pendingOffset > 0 {
            pending.removeFirst(pendingOffset)
            pendingOffset = 0
        }
        pending.append(contentsOf: buffer[0..<count])
    }
}

@available(*, unavailable)
extension ByteSource: Sendable {}
