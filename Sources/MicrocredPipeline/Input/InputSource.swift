public import Foundation

/// One input of a batch: a file, or standard input.
public enum InputSource: Hashable, Sendable, CustomStringConvertible {
    case file(String)
    /// Standard input, or bytes standing in for it (tests, piping between library calls).
    case standardInput(Data?)

    /// The name used in locations: the path, or `-` for standard input.
    public var name: String {
        switch self {
        case .file(let path): path
        case .standardInput: "-"
        }
    }

    /// The file name extension, lowercased, or `nil` for standard input.
    public var fileExtension: String? {
        guard case .file(let path) = self else { return nil }
        let ext = PathText.fileExtension(path).lowercased()
        return ext.isEmpty ? nil : ext
    }

    public var description: String { name }

    /// Opens the input for reading.
    /// - Throws: ``InputError/unreadable(path:reason:)`` when the file cannot be opened.
    public func open() throws(InputError) -> ByteSource {
        switch self {
        case .file(let path): try ByteSource(path: path)
        case .standardInput(let data?): ByteSource(bytes: [UInt8](data), name: "-")
        case .standardInput(nil): ByteSource(fileDescriptor: 0, name: "-")
        }
    }
}

/// Why an input could not be read.
public enum InputError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notFound(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
        case .notFound(let path): "no such file or folder '\(path)'"
        }
    }

    /// The diagnostic for this error.
    public var diagnostic: Diagnostic {
        switch self {
        case .unreadable(let path, _):
            Diagnostic(
                code: "input.unreadable", severity: .error, message: description,
                hint: "check the path and its permissions", location: SourceLocation(file: path))
        case .notFound(let path):
            Diagnostic(
                code: "input.not-found", severity: .error, message: description,
                hint: "check the spelling of the path", location: SourceLocation(file: path))
        }
    }
}
