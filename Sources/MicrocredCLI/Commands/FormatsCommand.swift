import Foundation
import ArgumentParser
import MicrocredModel
import MicrocredPipeline

/// `microcred formats`: what can be read and written, with each format's options.
struct FormatsCommand: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats", abstract: "List the formats, their file extensions, directions and options.")

    @Flag(name: .long, help: "Print the list as JSON.")
    var json = false

    func execute(console: Console) throws -> ExitStatus {
        let registry = FormatRegistry.standard
        if json {
            try console.output(JSONSerializer(indent: 2).string(.array(registry.formats.map(Self.jsonValue))))
            return .success
        }
        for format in registry.formats {
            let directions = [format.canRead ? "read" : nil, format.canWrite ? "write" : nil].compactMap { $0 }
            try console.output(
                "\(format.id.padding(toLength: 9, withPad: " ", startingAt: 0)) \(format.displayName)"
                    + " [\(directions.joined(separator: ", "))]; extensions: "
                    + format.fileExtensions.map { "." + $0 }.joined(separator: " "))
            for option in format.options {
                let defaultText = option.defaultValue.map { " (default \($0))" } ?? ""
                let flag = option.direction == .read ? "--from-option" : "--to-option"
                try console.output("    \(flag) \(option.name)=\(option.valueSyntax)\(defaultText): \(option.summary)")
            }
        }
        return .success
    }

    private static func jsonValue(_ format: FormatDescriptor) -> JSONValue {
        .object([
            JSONMember("id", .string(format.id)),
            JSONMember("name", .string(format.displayName)),
            JSONMember("extensions", .array(format.fileExtensions.map { .string($0) })),
            JSONMember("read", .bool(format.canRead)),
            JSONMember("write", .bool(format.canWrite)),
            JSONMember(
                "options",
                .array(
                    format.options.map { option in
                        var members = [
                            JSONMember("name", .string(option.name)), JSONMember("direction", .string(option.direction.rawValue)),
                            JSONMember("value", .string(option.valueSyntax)), JSONMember("summary", .string(option.summary)),
                        ]
                        if let value = option.defaultValue { members.append(JSONMember("default", .string(value))) }
                        return .object(members)
                    })),
        ])
    }
}
