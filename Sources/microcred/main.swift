import Foundation
import MicrocredCLI

// Linking jemalloc makes it the process's allocator (see Sources/CJemalloc/shim.h). Memory freed
// is handed back to the system within a second, so that a long run's resident memory stays at
// what a short one's is (by default jemalloc keeps freed pages for ten seconds and more).
#if canImport(CJemalloc)
import CJemalloc

for (setting, milliseconds) in [
    ("arenas.dirty_decay_ms", 1000), ("arena.0.dirty_decay_ms", 1000), ("arenas.muzzy_decay_ms", 0), ("arena.0.muzzy_decay_ms", 0),
] {
    var value = milliseconds
    _ = mallctl(setting, nil, nil, &value, MemoryLayout<Int>.size)
}
#endif

exit(MicrocredCommand.main(arguments: Array(CommandLine.arguments.dropFirst()), console: .process()))
