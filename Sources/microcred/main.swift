import Foundation
import MicrocredCLI

exit(MicrocredCommand.main(arguments: Array(CommandLine.arguments.dropFirst()), console: .process()))
