import Foundation

/// Opens output files the way their kind calls for.
public enum OutputFile {
    /// The sink for a file at `path`.
    ///
    /// A regular file, or one that does not exist yet, is written atomically
    /// (``AtomicFileSink``): the destination is replaced only when the output is complete. A path
    /// that names something else — a device such as `/dev/null` or `/dev/stdout`, a named pipe —
    /// cannot be replaced and is written in place, as a stream.
    /// - Throws: ``OutputError`` when the file cannot be opened or created.
    public static func sink(path: String) throws(OutputError) -> any ByteSink {
        var information = stat()
        guard stat(path, &information) == 0, information.st_mode & S_IFMT != S_IFREG, information.st_mode & S_IFMT != S_IFDIR else {
            return try AtomicFileSink(path: path)
        }
        let descriptor = open(path, O_WRONLY)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        return FileDescriptorSink(descriptor: descriptor, name: path, ownsDescriptor: true)
    }
}
