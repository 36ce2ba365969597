public import Foundation
public import MicrocredPipeline

/// The process's streams and environment as the commands see them, so tests can run commands
/// in-process with captured output.
public final class Console {
    /// Where converted output written to "standard output" goes.
    public let standardOutput: any ByteSink
    /// Receives everything written to standard error.
    private let writeError: (String) -> Void
    /// Bytes standing in for standard input; `nil` reads the process's own.
    public let standardInput: Data?
    /// Whether standard error is an interactive terminal (progress is shown only then).
    public let errorIsTerminal: Bool
    /// Environment variables.
    public let environment: [String: String]
    /// The folder relative paths are resolved against.
    public let currentDirectory: String

    public init(
        standardOutput: any ByteSink, writeError: @escaping (String) -> Void, standardInput: Data? = nil,
        errorIsTerminal: Bool = false, environment: [String: String] = [:],
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.standardOutput = standardOutput
        self.writeError = writeError
        self.standardInput = standardInput
        self.errorIsTerminal = errorIsTerminal
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// The real process streams.
    public static func process() -> Console {
        Console(
            standardOutput: FileDescriptorSink(descriptor: STDOUT_FILENO),
            writeError: { text in FileHandle.standardError.write(Data(text.utf8)) },
            errorIsTerminal: isatty(STDERR_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    }

    /// Writes `text` and a newline to standard error.
    public func error(_ text: String) { writeError(text + "\n") }

    /// Writes `text` to standard error as is.
    public func errorRaw(_ text: String) { writeError(text) }

    /// Writes `text` and a newline to standard output.
    public func output(_ text: String) throws(OutputError) {
        try standardOutput.write(Array((text + "\n").utf8))
    }
}

@available(*, unavailable)
extension Console: Sendable {}
