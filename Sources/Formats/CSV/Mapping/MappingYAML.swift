/// Writes a ``CSVMapping`` as mapping-file YAML that ``CSVMapping/parse(yaml:file:)`` reads back
/// to the same mapping.
enum MappingYAML {
    /// Comments to place in the file.
    struct Comments {
        /// Lines at the top of the file (without `#`).
        var header: [String] = []
        /// A comment line above column entry N.
        var columns: [Int: String] = [:]
        /// Commented-out constants to suggest (field path -> placeholder value).
        var suggestedConstants: [(field: String, value: String, note: String)] = []
    }

    static func render(_ mapping: CSVMapping, comments: Comments = Comments()) -> String {
        var lines: [String] = comments.header.map { $0.isEmpty ? "#" : "# " + $0 }
        if !lines.isEmpty { lines.append("") }
        lines.append("name: " + scalar(mapping.name))
        lines.append("version: \(mapping.version)")
        if let description = mapping.description { lines.append("description: " + scalar(description)) }

        var dialect: [String] = []
        if let delimiter = mapping.dialect.delimiter {
            dialect.append("  delimiter: " + (delimiter == 0x09 ? "tab" : scalar(String(UnicodeScalar(delimiter)))))
        }
        if mapping.dialect.quote != UInt8(ascii: "\"") {
            dialect.append("  quote: " + scalar(String(UnicodeScalar(mapping.dialect.quote))))
        }
        if let encoding = mapping.dialect.encoding { dialect.append("  encoding: " + encoding.rawValue) }
        if let header = mapping.dialect.header { dialect.append("  header: \(header)") }
        if mapping.dialect.headerRow != 1 { dialect.append("  headerRow: \(mapping.dialect.headerRow)") }
        if !mapping.dialect.skipRows.isEmpty {
            dialect.append("  skipRows:")
            for rule in mapping.dialect.skipRows {
                var parts = ["column: " + scalar(rule.column)]
                if let equals = rule.equals { parts.append("equals: " + scalar(equals)) }
                if let prefix = rule.prefix { parts.append("prefix: " + scalar(prefix)) }
                if let reason = rule.reason { parts.append("reason: " + scalar(reason)) }
                dialect.append("    - " + parts[0])
                dialect += parts.dropFirst().map { "      " + $0 }
            }
        }
        if !dialect.isEmpty {
            lines.append("dialect:")
            lines += dialect
        }
        if mapping.dateFormats != [.iso] {
            lines.append("dates:")
            lines += mapping.dateFormats.map { "  - " + scalar($0.pattern) }
        }
        if mapping.numberFormat != CSVNumberFormat() {
            lines.append("numbers:")
            lines += numberLines(mapping.numberFormat, indent: "  ")
        }
        if !mapping.trim { lines.append("trim: false") }
        if mapping.split != CSVSplitRule() {
            lines += splitLines(mapping.split, key: "split", indent: "")
        }
        if mapping.unknownColumns != .keep { lines.append("unknownColumns: " + mapping.unknownColumns.rawValue) }
        if mapping.constants.isEmpty, !comments.suggestedConstants.isEmpty {
            lines.append("")
            lines.append("# Uncomment (with the 'constants:' line) and fill in what the export lacks:")
            lines.append("# constants:")
        } else if !mapping.constants.isEmpty {
            lines.append("")
            lines.append("constants:")
        }
        if !mapping.constants.isEmpty || !comments.suggestedConstants.isEmpty {
            for constant in mapping.constants {
                if constant.values.count == 1 || !((try? FieldPath(parsing: constant.field))?.isSpread ?? false) {
                    lines.append("  " + scalar(constant.field) + ": " + scalar(constant.values.first ?? ""))
                } else {
                    lines.append("  " + scalar(constant.field) + ":")
                    lines += constant.values.map { "    - " + scalar($0) }
                }
            }
            for suggestion in comments.suggestedConstants {
                lines.append("#   " + scalar(suggestion.field) + ": " + scalar(suggestion.value) + "    # " + suggestion.note)
            }
        }
        lines.append("")
        lines.append("columns:")
        for (index, column) in mapping.columns.enumerated() {
            if let comment = comments.columns[index] { lines.append("  # " + comment) }
            lines += columnLines(column)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func columnLines(_ column: CSVColumnMapping) -> [String] {
        var entries: [String] = []
        switch column.source {
        case .header(let name): entries.append("column: " + scalar(name))
        case .index(let index): entries.append("index: \(index)")
        case .template(let template): entries.append("template: " + scalar(template))
        }
        if column.fields.count == 1 {
            entries.append("field: " + scalar(column.fields[0]))
        }
        if let separator = column.partSeparator { entries.append("separator: " + scalar(separator)) }
        if column.ignore { entries.append("ignore: true") }
        if column.optional { entries.append("optional: true") }
        if column.required { entries.append("required: true") }
        if let value = column.defaultValue { entries.append("default: " + scalar(value)) }
        if column.format != .text { entries.append("format: " + column.format.rawValue) }
        var nested: [String] = []
        if column.fields.count > 1 {
            nested.append("    fields:")
            nested += column.fields.map { "      - " + scalar($0) }
        }
        if let split = column.split { nested += splitLines(split, key: "split", indent: "    ") }
        if !column.valueMap.isEmpty {
            nested.append("    values:")
            nested += column.valueMap.map { "      " + scalar($0.cell) + ": " + scalar($0.value) }
        }
        if column.unmatched != .keep { entries.append("unmatched: " + column.unmatched.rawValue) }
        if let formats = column.dateFormats { entries.append("dates: [" + formats.map { scalar($0.pattern) }.joined(separator: ", ") + "]") }
        if let numbers = column.numberFormat {
            nested.append("    numbers:")
            nested += numberLines(numbers, indent: "      ")
        }
        if let pad = column.zeroPad { entries.append("pad: \(pad)") }
        if let trim = column.trim { entries.append("trim: \(trim)") }
        var lines = ["  - " + entries[0]]
        lines += entries.dropFirst().map { "    " + $0 }
        lines += nested
        return lines
    }

    private static func numberLines(_ format: CSVNumberFormat, indent: String) -> [String] {
        var lines = [indent + "decimal: " + (format.decimal == .auto ? "auto" : scalar(format.decimal.rawValue))]
        if let grouping = format.grouping { lines.append(indent + "grouping: " + (grouping == " " ? "space" : scalar(String(grouping)))) }
        return lines
    }

    private static func splitLines(_ rule: CSVSplitRule, key: String, indent: String) -> [String] {
        let separators = rule.separators.map { $0 == "\n" ? "\"\\n\"" : $0 == "\t" ? "\"\\t\"" : scalar($0) }
        guard let escape = rule.escape else {
            return [indent + key + ": " + (separators.count == 1 ? separators[0] : "[" + separators.joined(separator: ", ") + "]")]
        }
        return [
            indent + key + ":",
            indent + "  separators: [" + separators.joined(separator: ", ") + "]",
            indent + "  escape: " + scalar(String(escape)),
        ]
    }

    /// `text` as a YAML scalar: plain when that is unambiguous, else double-quoted.
    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"]
        let plainSafe = text.unicodeScalars.allSatisfy { scalar in
            (scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "_-./()[]@ ".unicodeScalars.contains(scalar))
                && scalar != "\u{FEFF}"
        }
        let first = text.unicodeScalars.first
        let needsQuotes =
            !plainSafe || reserved.contains(text.lowercased()) || text.hasPrefix(" ") || text.hasSuffix(" ")
            || first == "-" || first == "[" || first == "@" || first == "." || text.contains(" #")
            || Double(text) != nil || text.contains("[") && !text.contains("]")
        guard needsQuotes else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar == "\u{FEFF}" {
                    quoted += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
