import ArgumentParser

/// Parses repeated `name=value` option arguments.
enum OptionPairs {
    /// The pairs as a dictionary; a later pair overrides an earlier one.
    /// - Throws: `ValidationError` for an argument with no `=` or an empty name.
    static func parse(_ arguments: [String], flag: String) throws -> [String: String] {
        var options: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw ValidationError("\(flag) expects name=value, not '\(argument)'")
            }
            options[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
        }
        return options
    }
}
