import CFileCache

/// Keeps a long output file from filling the page cache: each window of the file is sent to disk
/// as soon as it is complete, and once the window two behind it is on disk its pages are dropped.
///
/// Without it, a run writing gigabytes leaves them all as cached pages; on a machine like the
/// benchmark's the kernel then spends several times longer per byte on each write (a 7.8 GB file:
/// 13.6 s of system time written plainly, 2.8 s written behind), and the run evicts pages other
/// programs were using. Outputs shorter than two windows are left alone. The hints only affect
/// caching: they neither make the file durable nor change what is written, and a failed hint is
/// ignored.
struct WriteBehind {
    /// The bytes per window.
    static let window = 8 << 20

    private let descriptor: Int32
    /// The end of the last window whose write-out has been started.
    private var started = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Records that the file now holds `length` bytes, and sends every window completed since to
    /// disk.
    mutating func fileGrew(to length: Int) {
        while length - started >= Self.window {
            _ = microcred_start_write_out(descriptor, Int64(started), Int64(Self.window))
            if started >= 2 * Self.window {
                _ = microcred_finish_write_out(descriptor, Int64(started - 2 * Self.window), Int64(Self.window))
            }
            started += Self.window
        }
    }
}
