import MicrocredPipeline
import Yams

/// Reads a mapping file's YAML into a ``CSVMapping``, strictly: every unknown key, unknown model
/// field and malformed value is reported with its path in the file (`columns[3].field`) and its
/// line and column, and all problems are collected before giving up.
struct MappingParser {
    private let file: String?
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String?) {
        self.file = file
    }

    static let topLevelKeys = [
        "name", "version", "description", "dialect", "dates", "numbers", "trim", "split", "unknownColumns", "constants",
        "columns",
    ]
    static let dialectKeys = ["delimiter", "quote", "encoding", "header", "headerRow", "skipRows"]
    static let skipRuleKeys = ["column", "equals", "prefix", "reason"]
    static let numberKeys = ["decimal", "grouping"]
    static let splitKeys = ["separators", "escape"]
    static let columnKeys = [
        "column", "index", "template", "field", "fields", "separator", "ignore", "optional", "required", "default", "format",
        "split", "values", "unmatched", "dates", "numbers", "pad", "trim",
    ]

    /// Parses `yaml`; `nil` when there were errors (see ``diagnostics``).
    mutating func parse(_ yaml: String, defaultName: String) -> CSVMapping? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            report(yamlError: error)
            return nil
        } catch {
            diagnostics.append(located(.error("mapping.invalid-yaml", "the mapping file is not YAML: \(error)"), at: nil, path: nil))
            return nil
        }
        guard let root, case .mapping(let top) = root else {
            diagnostics.append(
                located(
                    .error(
                        "mapping.invalid-yaml", "a mapping file must be a YAML mapping of keys (name, version, columns…)",
                        hint: "see docs/mapping.md"), at: root, path: nil))
            return nil
        }
        let members = checkKeys(top, allowed: Self.topLevelKeys, path: "")
        var mapping = CSVMapping(name: defaultName, sourcePath: file)

        if let node = members["version"] {
            if let version = integer(node, path: "version") {
                if version != CSVMapping.currentVersion {
                    diagnostics.append(
                        located(
                            .error(
                                "mapping.unsupported-version", "mapping version \(version) is not supported",
                                hint: "this build reads mapping files of version \(CSVMapping.currentVersion)"), at: node, path: "version"))
                }
                mapping.version = version
            }
        } else {
            diagnostics.append(
                located(
                    .error("mapping.missing-key", "the mapping has no 'version'", hint: "add 'version: \(CSVMapping.currentVersion)'"),
                    at: root, path: "version"))
        }
        if let node = members["name"], let name = string(node, path: "name") { mapping.name = name }
        if let node = members["description"], let text = string(node, path: "description") { mapping.description = text }
        if let node = members["dialect"] { mapping.dialect = dialect(node, path: "dialect") }
        if let node = members["dates"], let formats = dateFormats(node, path: "dates") { mapping.dateFormats = formats }
        if let node = members["numbers"], let format = numberFormat(node, path: "numbers") { mapping.numberFormat = format }
        if let node = members["trim"], let value = bool(node, path: "trim") { mapping.trim = value }
        if let node = members["split"], let rule = splitRule(node, path: "split") { mapping.split = rule }
        if let node = members["unknownColumns"], let text = string(node, path: "unknownColumns") {
            if let policy = CSVMapping.UnknownColumnPolicy(rawValue: text) {
                mapping.unknownColumns = policy
            } else {
                invalid(node, path: "unknownColumns", "'\(text)' is not a policy for unknown columns", hint: "write keep or error")
            }
        }
        if let node = members["constants"] { mapping.constants = constants(node, path: "constants") }
        if let node = members["columns"] {
            mapping.columns = columns(node, path: "columns")
        } else {
            diagnostics.append(
                located(
                    .error("mapping.missing-key", "the mapping has no 'columns'", hint: "list the columns under 'columns:'"),
                    at: root, path: "columns"))
        }
        return diagnostics.contains { $0.severity == .error } ? nil : mapping
    }

    // MARK: - Sections

    private mutating func dialect(_ node: Node, path: String) -> CSVDialectSettings {
        var settings = CSVDialectSettings()
        guard case .mapping(let map) = node else {
            invalid(node, path: path, "'dialect' must be a mapping of keys", hint: "keys: \(Self.dialectKeys.joined(separator: ", "))")
            return settings
        }
        let members = checkKeys(map, allowed: Self.dialectKeys, path: path)
        if let node = members["delimiter"], let text = string(node, path: path + ".delimiter") {
            if text.lowercased() != "auto" {
                if let byte = CSVDialectOptions.delimiterByte(text) {
                    settings.delimiter = byte
                } else {
                    invalid(node, path: path + ".delimiter", "'\(text)' is not a delimiter", hint: "write ',', ';', tab, '|' or auto")
                }
            }
        }
        if let node = members["quote"], let text = string(node, path: path + ".quote") {
            if text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80 {
                settings.quote = byte
            } else {
                invalid(node, path: path + ".quote", "'\(text)' is not a quote character", hint: "write one ASCII character, usually '\"'")
            }
        }
        if let node = members["encoding"], let text = string(node, path: path + ".encoding") {
            if text.lowercased() != "auto" {
                if let encoding = CSVTextEncoding(name: text) {
                    settings.encoding = encoding
                } else {
                    invalid(node, path: path + ".encoding", "'\(text)' is not a known encoding", hint: CSVTextEncoding.optionSyntax)
                }
            }
        }
        if let node = members["header"], let text = string(node, path: path + ".header") {
            if text.lowercased() != "auto" {
                if let value = Self.boolValue(text) {
                    settings.header = value
                } else {
                    invalid(node, path: path + ".header", "'\(text)' is not true, false or auto")
                }
            }
        }
        if let node = members["headerRow"], let row = integer(node, path: path + ".headerRow") {
            if row >= 1 { settings.headerRow = row } else { invalid(node, path: path + ".headerRow", "the header row is counted from 1") }
        }
        if let node = members["skipRows"] {
            settings.skipRows = list(node, path: path + ".skipRows").compactMap { element, elementPath in
                skipRule(element, path: elementPath)
            }
        }
        return settings
    }

    private mutating func skipRule(_ node: Node, path: String) -> CSVSkipRule? {
        guard case .mapping(let map) = node else {
            invalid(node, path: path, "a skip rule is a mapping", hint: "for example {column: Student, equals: Points Possible}")
            return nil
        }
        let members = checkKeys(map, allowed: Self.skipRuleKeys, path: path)
        guard let columnNode = members["column"], let column = string(columnNode, path: path + ".column") else {
            missing("column", in: node, path: path)
            return nil
        }
        let equals = members["equals"].flatMap { string($0, path: path + ".equals") }
        let prefix = members["prefix"].flatMap { string($0, path: path + ".prefix") }
        guard equals != nil || prefix != nil else {
            invalid(node, path: path, "a skip rule needs 'equals' or 'prefix'")
            return nil
        }
        let reason = members["reason"].flatMap { string($0, path: path + ".reason") }
        return CSVSkipRule(column: column, equals: equals, prefix: prefix, reason: reason)
    }

    private mutating func dateFormats(_ node: Node, path: String) -> [CSVDateFormat]? {
        let patterns: [(String, Node, String)]
        if case .sequence = node {
            patterns = list(node, path: path).compactMap { element, elementPath in
                string(element, path: elementPath).map { ($0, element, elementPath) }
            }
        } else if let text = string(node, path: path) {
            patterns = [(text, node, path)]
        } else {
            return nil
        }
        var formats: [CSVDateFormat] = []
        for (pattern, element, elementPath) in patterns {
            do {
                formats.append(try CSVDateFormat(pattern: pattern))
            } catch {
                invalid(element, path: elementPath, error.message, hint: error.hint)
            }
        }
        if formats.isEmpty {
            invalid(node, path: path, "no date format given", hint: "write iso or a pattern such as dd.MM.yyyy")
            return nil
        }
        for (offset, format) in formats.enumerated() {
            for other in formats[(offset + 1)...] where !format.isISO && format.ambiguityShape == other.ambiguityShape {
                diagnostics.append(
                    located(
                        .warning(
                            "mapping.ambiguous-dates",
                            "date formats '\(format)' and '\(other)' read the same text differently; a date that fits both is an error",
                            hint: "keep the one format the export uses"), at: node, path: path))
            }
        }
        return formats
    }

    private mutating func numberFormat(_ node: Node, path: String) -> CSVNumberFormat? {
        guard case .mapping(let map) = node else {
            invalid(node, path: path, "'numbers' is a mapping", hint: "for example {decimal: ',', grouping: '.'}")
            return nil
        }
        let members = checkKeys(map, allowed: Self.numberKeys, path: path)
        var format = CSVNumberFormat()
        if let node = members["decimal"], let text = string(node, path: path + ".decimal") {
            if let separator = CSVNumberFormat.DecimalSeparator(rawValue: text.lowercased()) {
                format.decimal = separator
            } else {
                invalid(node, path: path + ".decimal", "'\(text)' is not a decimal separator", hint: "write '.', ',' or auto")
            }
        }
        if let node = members["grouping"], let text = string(node, path: path + ".grouping") {
            if text.lowercased() == "none" || text.isEmpty {
                format.grouping = nil
            } else if text.count == 1, let character = text.first {
                format.grouping = character
            } else if text.lowercased() == "space" {
                format.grouping = " "
            } else {
                invalid(node, path: path + ".grouping", "'\(text)' is not a grouping separator", hint: "write '.', ',', \"'\", space or none")
            }
        }
        if let grouping = format.grouping, String(grouping) == format.decimal.rawValue {
            invalid(node, path: path, "the grouping separator is the decimal separator")
        }
        return format
    }

    private mutating func splitRule(_ node: Node, path: String) -> CSVSplitRule? {
        switch node {
        case .scalar:
            return string(node, path: path).map { CSVSplitRule(separators: [Self.unescapeSeparator($0)]) }
        case .sequence:
            let separators = list(node, path: path).compactMap { element, elementPath in
                string(element, path: elementPath).map(Self.unescapeSeparator)
            }
            guard !separators.isEmpty else {
                invalid(node, path: path, "no separator given")
                return nil
            }
            return CSVSplitRule(separators: separators)
        case .mapping(let map):
            let members = checkKeys(map, allowed: Self.splitKeys, path: path)
            var rule = CSVSplitRule()
            if let node = members["separators"], let nested = splitRule(node, path: path + ".separators") {
                rule.separators = nested.separators
            }
            if let node = members["escape"], let text = string(node, path: path + ".escape") {
                if text.count == 1 { rule.escape = text.first } else { invalid(node, path: path + ".escape", "the escape is one character") }
            }
            if rule.separators.contains(where: \.isEmpty) { invalid(node, path: path, "a separator cannot be empty") }
            return rule
        }
    }

    /// `\n` and `\t` as written in YAML single-quoted or plain scalars.
    private static func unescapeSeparator(_ text: String) -> String {
        switch text {
        case "\\n", "newline": "\n"
        case "\\t", "tab": "\t"
        default: text
        }
    }

    private mutating func constants(_ node: Node, path: String) -> [CSVConstant] {
        guard case .mapping(let map) = node else {
            invalid(node, path: path, "'constants' is a mapping of field paths to values", hint: "for example awardingBodies[0].country: DE")
            return []
        }
        var constants: [CSVConstant] = []
        var seen: Set<String> = []
        for (keyNode, valueNode) in map {
            guard let field = keyNode.scalar?.string else {
                invalid(keyNode, path: path, "a constant's key must be a field path")
                continue
            }
            let constantPath = path + "." + field
            if !seen.insert(field).inserted {
                diagnostics.append(
                    located(.error("mapping.duplicate-key", "constant '\(field)' is given twice"), at: keyNode, path: constantPath))
                continue
            }
            checkField(field, node: keyNode, path: constantPath)
            var values: [String] = []
            switch valueNode {
            case .scalar(let scalar):
                values = [scalar.string]
            case .sequence:
                values = list(valueNode, path: constantPath).compactMap { element, elementPath in string(element, path: elementPath) }
            default:
                invalid(valueNode, path: constantPath, "a constant's value is a value or a list of values")
            }
            constants.append(CSVConstant(field: field, values: values, line: keyNode.mark?.line))
        }
        return constants
    }

    private mutating func columns(_ node: Node, path: String) -> [CSVColumnMapping] {
        guard case .sequence = node else {
            invalid(node, path: path, "'columns' is a list", hint: "start each column with '- column: NAME'")
            return []
        }
        return list(node, path: path).compactMap { element, elementPath in column(element, path: elementPath) }
    }

    private mutating func column(_ node: Node, path: String) -> CSVColumnMapping? {
        guard case .mapping(let map) = node else {
            invalid(node, path: path, "a column is a mapping", hint: "for example {column: Email, field: learner.email}")
            return nil
        }
        let members = checkKeys(map, allowed: Self.columnKeys, path: path)
        let sources = ["column", "index", "template"].filter { members[$0] != nil }
        guard sources.count == 1 else {
            invalid(
                node, path: path,
                sources.isEmpty
                    ? "the column names no source" : "the column has more than one source (\(sources.joined(separator: ", ")))",
                hint: "give exactly one of 'column' (a header), 'index' (a position from 1) or 'template'")
            return nil
        }
        var source: CSVColumnMapping.Source
        if let node = members["column"] {
            guard let header = string(node, path: path + ".column") else { return nil }
            source = .header(header)
        } else if let node = members["index"] {
            guard let index = integer(node, path: path + ".index") else { return nil }
            guard index >= 1 else {
                invalid(node, path: path + ".index", "columns are counted from 1")
                return nil
            }
            source = .index(index)
        } else {
            guard let node = members["template"], let template = string(node, path: path + ".template") else { return nil }
            if case .failure(let error) = TemplateText.parse(template) {
                invalid(node, path: path + ".template", error.message, hint: "write column names in braces: '{Vorname} {Nachname}'")
            }
            source = .template(template)
        }
        var column = CSVColumnMapping(source: source, line: node.mark?.line)
        if let fieldNode = members["field"], members["fields"] != nil {
            invalid(fieldNode, path: path, "the column has both 'field' and 'fields'", hint: "use 'fields' with 'separator' for a cell in parts")
        }
        if let node = members["field"], let field = string(node, path: path + ".field") {
            checkField(field, node: node, path: path + ".field")
            column.fields = [field]
        }
        if let node = members["fields"] {
            column.fields = list(node, path: path + ".fields").compactMap { element, elementPath in
                guard let field = string(element, path: elementPath) else { return nil }
                checkField(field, node: element, path: elementPath)
                return field
            }
            if members["separator"] == nil {
                missing("separator", in: node, path: path, hint: "'fields' splits the cell into parts at 'separator'")
            }
        }
        if let node = members["separator"], let text = string(node, path: path + ".separator") {
            guard members["fields"] != nil else {
                invalid(node, path: path + ".separator", "'separator' goes with 'fields'", hint: "to split a list, use 'split'")
                return nil
            }
            column.partSeparator = Self.unescapeSeparator(text)
        }
        if case .template = source, column.fields.isEmpty {
            missing("field", in: node, path: path, hint: "a template builds the value of a field")
        }
        if let node = members["ignore"], let value = bool(node, path: path + ".ignore") {
            column.ignore = value
            if value, !column.fields.isEmpty {
                invalid(node, path: path + ".ignore", "an ignored column cannot have fields")
            }
        }
        if let node = members["optional"], let value = bool(node, path: path + ".optional") { column.optional = value }
        if let node = members["required"], let value = bool(node, path: path + ".required") { column.required = value }
        if let node = members["default"], let value = string(node, path: path + ".default") { column.defaultValue = value }
        if let node = members["format"], let text = string(node, path: path + ".format") {
            if let format = CSVColumnMapping.CellFormat(rawValue: text) {
                column.format = format
            } else {
                invalid(node, path: path + ".format", "'\(text)' is not a cell format", hint: "write text, json or text-or-json")
            }
        }
        if let node = members["split"], let rule = splitRule(node, path: path + ".split") { column.split = rule }
        if let node = members["values"] { column.valueMap = valueMap(node, path: path + ".values") }
        if let node = members["unmatched"], let text = string(node, path: path + ".unmatched") {
            if let policy = CSVColumnMapping.UnmatchedValues(rawValue: text) {
                column.unmatched = policy
            } else {
                invalid(node, path: path + ".unmatched", "'\(text)' is not a policy for unlisted values", hint: "write keep, warn or error")
            }
        }
        if let node = members["dates"], let formats = dateFormats(node, path: path + ".dates") { column.dateFormats = formats }
        if let node = members["numbers"], let format = numberFormat(node, path: path + ".numbers") { column.numberFormat = format }
        if let node = members["pad"], let width = integer(node, path: path + ".pad") {
            if (1...12).contains(width) { column.zeroPad = width } else { invalid(node, path: path + ".pad", "pad to a width from 1 to 12") }
        }
        if let node = members["trim"], let value = bool(node, path: path + ".trim") { column.trim = value }
        return column
    }

    private mutating func valueMap(_ node: Node, path: String) -> [CSVValueMapping] {
        guard case .mapping(let map) = node else {
            invalid(node, path: path, "'values' maps cell values to model values", hint: "for example {Fernstudium: online}")
            return []
        }
        var entries: [CSVValueMapping] = []
        var seen: Set<String> = []
        for (keyNode, valueNode) in map {
            guard let cell = keyNode.scalar?.string else {
                invalid(keyNode, path: path, "a value map's keys are cell values")
                continue
            }
            let entryPath = path + "." + cell
            if !seen.insert(cell.trimmingWhitespace().lowercased()).inserted {
                diagnostics.append(
                    located(.error("mapping.duplicate-key", "value '\(cell)' is listed twice"), at: keyNode, path: entryPath))
            }
            guard let value = string(valueNode, path: entryPath) else { continue }
            entries.append(CSVValueMapping(cell: cell, value: value))
        }
        return entries
    }

    // MARK: - Checks

    private mutating func checkField(_ field: String, node: Node, path: String) {
        do {
            _ = try ModelFieldCatalogue.resolve(field)
        } catch {
            diagnostics.append(
                located(
                    .error("mapping.unknown-field", "'\(field)' is not a model field: \(error.message)", hint: error.hint),
                    at: node, path: path))
        }
    }

    /// The members of `map` by key, reporting unknown and duplicate keys.
    private mutating func checkKeys(_ map: Node.Mapping, allowed: [String], path: String) -> [String: Node] {
        var members: [String: Node] = [:]
        for (keyNode, valueNode) in map {
            guard let key = keyNode.scalar?.string else {
                invalid(keyNode, path: path, "keys must be plain names")
                continue
            }
            let keyPath = path.isEmpty ? key : path + "." + key
            guard allowed.contains(key) else {
                let suggestion = FieldNames.closest(to: key, in: allowed).map { "did you mean '\($0)'? " } ?? ""
                diagnostics.append(
                    located(
                        .error(
                            "mapping.unknown-key", "unknown key '\(key)'",
                            hint: "\(suggestion)keys here: \(allowed.joined(separator: ", "))"), at: keyNode, path: keyPath))
                continue
            }
            guard members[key] == nil else {
                diagnostics.append(located(.error("mapping.duplicate-key", "key '\(key)' is given twice"), at: keyNode, path: keyPath))
                continue
            }
            members[key] = valueNode
        }
        return members
    }

    private mutating func list(_ node: Node, path: String) -> [(Node, String)] {
        guard case .sequence(let sequence) = node else {
            invalid(node, path: path, "expected a list")
            return []
        }
        return sequence.enumerated().map { ($0.element, "\(path)[\($0.offset)]") }
    }

    private mutating func string(_ node: Node, path: String) -> String? {
        guard case .scalar(let scalar) = node else {
            let shape = if case .mapping = node { "mapping" } else { "list" }
            invalid(node, path: path, "expected a single value, not a \(shape)")
            return nil
        }
        return scalar.string
    }

    private mutating func integer(_ node: Node, path: String) -> Int? {
        guard let text = string(node, path: path) else { return nil }
        guard let value = Int(text) else {
            invalid(node, path: path, "'\(text)' is not a whole number")
            return nil
        }
        return value
    }

    private mutating func bool(_ node: Node, path: String) -> Bool? {
        guard let text = string(node, path: path) else { return nil }
        guard let value = Self.boolValue(text) else {
            invalid(node, path: path, "'\(text)' is not true or false")
            return nil
        }
        return value
    }

    static func boolValue(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1": true
        case "false", "no", "off", "0": false
        default: nil
        }
    }

    // MARK: - Reporting

    private mutating func invalid(_ node: Node, path: String, _ message: String, hint: String? = nil) {
        diagnostics.append(located(.error("mapping.invalid-value", message, hint: hint), at: node, path: path))
    }

    private mutating func missing(_ key: String, in node: Node, path: String, hint: String? = nil) {
        diagnostics.append(
            located(.error("mapping.missing-key", "'\(path)' has no '\(key)'", hint: hint), at: node, path: path + "." + key))
    }

    private func located(_ diagnostic: Diagnostic, at node: Node?, path: String?) -> Diagnostic {
        var copy = diagnostic
        copy.location = SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column, field: path)
        return copy
    }

    private mutating func report(yamlError error: YamlError) {
        var line: Int?
        var column: Int?
        var problem = "\(error)"
        switch error {
        case .scanner(_, let text, let mark, _), .parser(_, let text, let mark, _), .composer(_, let text, let mark, _):
            line = mark.line
            column = mark.column
            problem = text
        default:
            break
        }
        diagnostics.append(
            Diagnostic(
                code: "mapping.invalid-yaml", severity: .error, message: "the mapping file is not valid YAML: \(problem)",
                hint: "check indentation and quoting near this line", location: SourceLocation(file: file, line: line, column: column)))
    }
}
