import Foundation
import MicrocredCLI

// Linking jemalloc makes it the process's allocator (see Sources/CJemalloc/shim.h).
#if canImport(CJemalloc)
import CJemalloc
#endif

exit(MicrocredCommand.main(arguments: Array(CommandLine.arguments.dropFirst()), console: .process()))
