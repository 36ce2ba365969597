import Foundation
import MicrocredModel
import MicrocredPipeline

/// A mapping bound to one input's columns: every column name resolved to a position, every field
/// path to an access, every constant applied to a template credential. Decoding a row is then a
/// loop over the plans with no lookups.
final class CompiledMapping: @unchecked Sendable {
    /// What compiling needs from the run.
    struct Context {
        var today: CalendarDate
        var vocabularies: Vocabularies?
    }

    /// One model field a column fills.
    final class Target {
        let path: String
        let access: FieldAccess<Credential>
        let reader: CellReader

        init(path: String, access: FieldAccess<Credential>, reader: CellReader) {
            self.path = path
            self.access = access
            self.reader = reader
        }
    }

    /// Where a column's text comes from.
    enum Source {
        case cell(Int)
        /// Literal text and cell positions.
        case template([TemplatePiece])
    }

    enum TemplatePiece {
        case literal(String)
        case cell(Int)
    }

    /// One mapping column, compiled.
    final class Plan {
        let source: Source
        let name: String
        let trim: Bool
        let required: Bool
        let defaultValue: String?
        /// For a `[]` field: how the cell splits into values.
        let split: CSVSplitter?
        /// For `fields` + `separator`: the separator.
        let partSeparator: String?
        let targets: [Target]

        init(
            source: Source, name: String, trim: Bool, required: Bool, defaultValue: String?, split: CSVSplitRule?,
            partSeparator: String?, targets: [Target]
        ) {
            self.source = source
            self.name = name
            self.trim = trim
            self.required = required
            self.defaultValue = defaultValue
            self.split = split.map(CSVSplitter.init)
            self.partSeparator = partSeparator
            self.targets = targets
        }
    }

    let mapping: CSVMapping
    /// The column names (headers, or `1`, `2`… without a header row).
    let columnNames: [String]
    let hasHeader: Bool
    /// The credential every row starts from: the mapping's constants applied.
    let template: Credential
    let plans: [Plan]
    /// Columns the mapping does not mention: their non-empty cells become unmapped fields.
    let unmappedColumns: [(index: Int, name: String)]
    /// Skip rules with their column positions.
    let skipRules: [(index: Int, rule: CSVSkipRule)]
    /// Notes about the columns, reported with the first record.
    let columnNotes: [Diagnostic]

    /// Compiles `mapping` for an input whose columns are `columnNames` (`hasHeader` false: named
    /// by position).
    /// - Throws: ``Diagnostic`` when the input cannot be read with the mapping (a mapped column
    ///   is missing, an unknown column under `unknownColumns: error`, a constant that is not a
    ///   value of its field).
    init(mapping: CSVMapping, columnNames: [String], hasHeader: Bool, headerLine: Int?, context: Context) throws(Diagnostic) {
        self.mapping = mapping
        self.columnNames = columnNames
        self.hasHeader = hasHeader
        let compiler = Compiler(mapping: mapping, columnNames: columnNames, hasHeader: hasHeader, context: context)
        self.template = try compiler.template()
        var used = Set<Int>()
        var acknowledged = Set<Int>()
        var plans: [Plan] = []
        for column in mapping.columns {
            guard let (plan, columns) = try compiler.plan(for: column) else { continue }
            if let plan {
                plans.append(plan)
                used.formUnion(columns)
            } else if column.ignore {
                used.formUnion(columns)
            } else {
                acknowledged.formUnion(columns)
            }
        }
        self.plans = plans
        var skipRules: [(Int, CSVSkipRule)] = []
        for rule in mapping.dialect.skipRows {
            if let index = compiler.position(of: rule.column) { skipRules.append((index, rule)) }
        }
        self.skipRules = skipRules
        var unmapped: [(Int, String)] = []
        var notes: [Diagnostic] = []
        for (index, name) in columnNames.enumerated() where !used.contains(index) {
            unmapped.append((index, name))
            guard hasHeader, !name.isEmpty, !acknowledged.contains(index) else { continue }
            let diagnostic = Diagnostic(
                code: "csv.unknown-column",
                severity: mapping.unknownColumns == .error ? .error : .note,
                message: "column '\(name)' is not in mapping '\(mapping.name)'; its values are kept as unmapped fields",
                hint: "map it under 'columns', or list it without a field to acknowledge it",
                location: SourceLocation(line: headerLine, column: index + 1, field: name))
            if mapping.unknownColumns == .error {
                var refusal = diagnostic
                refusal.message = "column '\(name)' is not in mapping '\(mapping.name)'"
                throw refusal
            }
            notes.append(diagnostic)
        }
        self.unmappedColumns = unmapped
        self.columnNotes = notes
    }

    // MARK: - Decoding

    /// The credential for `row`, and what was wrong with its values.
    func decode(_ row: CSVRow) -> DecodedRecord {
        var credential = template
        var diagnostics: [Diagnostic] = []
        for plan in plans { apply(plan, row: row, to: &credential, diagnostics: &diagnostics) }
        let cells = row.cells
        for (index, name) in unmappedColumns where index < cells.count && !cells[index].isEmpty {
            credential.unmapped.append(
                UnmappedField(format: CSVFormat.id, path: name.isEmpty ? "column \(index + 1)" : name, value: .string(cells[index])))
        }
        return DecodedRecord(credential: consume credential, diagnostics: diagnostics)
    }

    private func apply(_ plan: Plan, row: CSVRow, to credential: inout Credential, diagnostics: inout [Diagnostic]) {
        var text: String
        var cellIndex: Int?
        switch plan.source {
        case .cell(let index):
            cellIndex = index
            text = index < row.cells.count ? row.cells[index] : ""
        case .template(let pieces):
            text = Self.fill(pieces, cells: row.cells, trim: plan.trim)
        }
        if plan.trim { text.trimWhitespace() }
        Self.unwrapFormula(&text)
        if text.isEmpty {
            if let value = plan.defaultValue {
                text = value
            } else {
                if plan.required {
                    diagnostics.append(
                        locate(
                            .error(
                                "csv.missing-value", "\(plan.name) is empty but the mapping requires a value",
                                hint: "fill in the cell, or give the column a 'default' in the mapping",
                                field: plan.targets.first?.path), row: row, cell: cellIndex))
                }
                return
            }
        }
        var notes: [Diagnostic] = []
        if let separator = plan.partSeparator {
            let parts = Self.parts(of: text, separator: separator, count: plan.targets.count)
            for (target, part) in zip(plan.targets, parts) {
                let value = plan.trim ? part.trimmingWhitespace() : part
                guard !value.isEmpty else { continue }
                store(value, in: target, index: 0, credential: &credential, notes: &notes, row: row, cell: cellIndex)
            }
        } else if let split = plan.split {
            let parts = split.split(text)
            for target in plan.targets {
                for (index, part) in parts.enumerated() {
                    let value = plan.trim ? part.trimmingWhitespace() : part
                    guard !value.isEmpty else { continue }
                    store(value, in: target, index: index, credential: &credential, notes: &notes, row: row, cell: cellIndex)
                }
            }
        } else {
            for target in plan.targets {
                store(text, in: target, index: 0, credential: &credential, notes: &notes, row: row, cell: cellIndex)
            }
        }
        for note in notes { diagnostics.append(locate(note, row: row, cell: cellIndex)) }
    }

    private func store(
        _ text: String, in target: Target, index: Int, credential: inout Credential, notes: inout [Diagnostic], row: CSVRow,
        cell: Int?
    ) {
        do throws(Diagnostic) {
            let value = try target.reader.read(text, notes: &notes)
            do {
                try target.access.set(&credential, index, value)
            } catch {
                throw Diagnostic.error(
                    "csv.invalid-value",
                    "the value in \(target.reader.columnName) cannot be stored in '\(target.path)': \(FieldValueError.message(of: error))")
            }
        } catch {
            var located = error
            if located.location.field == nil { located.location.field = target.path }
            notes.append(located)
        }
    }

    private func locate(_ diagnostic: Diagnostic, row: CSVRow, cell: Int?) -> Diagnostic {
        var copy = diagnostic
        if copy.location.line == nil {
            let position = cell.map { row.position(ofCell: $0) } ?? (line: row.line, column: 1)
            copy.location.line = position.line
            copy.location.column = cell == nil ? nil : position.column
        }
        return copy
    }

    // MARK: - Cell helpers

    /// `="0613"` (a spreadsheet formula that keeps leading zeros) as `0613`; other text is left
    /// as it is.
    static func unwrapFormula(_ text: inout String) {
        // Looked at in the stored bytes: `utf8.first` and `utf8.last` are generic calls that cost
        // more than the check, made for every cell.
        let isFormula = text.withUTF8 { bytes in
            bytes.count >= 3 && bytes[0] == UInt8(ascii: "=") && bytes[1] == UInt8(ascii: "\"")
                && bytes[bytes.count - 1] == UInt8(ascii: "\"")
        }
        guard isFormula else { return }
        text = String(text.dropFirst(2).dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    /// The text of a template for `cells`; empty when every column it names is empty.
    static func fill(_ pieces: [TemplatePiece], cells: [String], trim: Bool) -> String {
        var text = ""
        var anyValue = false
        for piece in pieces {
            switch piece {
            case .literal(let literal):
                text += literal
            case .cell(let index):
                let value = index < cells.count ? (trim ? cells[index].trimmingWhitespace() : cells[index]) : ""
                anyValue = anyValue || !value.isEmpty
                text += value
            }
        }
        guard anyValue else { return "" }
        return collapsingSpaces(text)
    }

    /// `text` with runs of spaces made one (the doubled spaces an empty part of a template leaves,
    /// as in `{Given} {Middle} {Family}`).
    static func collapsingSpaces(_ text: String) -> String {
        var previousSpace = false
        var needsWork = false
        for byte in text.utf8 {
            if byte == 0x20, previousSpace {
                needsWork = true
                break
            }
            previousSpace = byte == 0x20
        }
        guard needsWork else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        previousSpace = false
        for byte in text.utf8 {
            if byte == 0x20, previousSpace { continue }
            previousSpace = byte == 0x20
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` cut at the first `count - 1` occurrences of `separator` (compared trimmed, so
    /// `", "` also cuts `Doe,Jane`).
    static func parts(of text: String, separator: String, count: Int) -> [String] {
        let cut = separator.trimmingWhitespace().isEmpty ? separator : separator.trimmingWhitespace()
        var parts: [String] = []
        var rest = Substring(text)
        while parts.count < count - 1, let range = rest.range(of: cut) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}

/// Builds a ``CompiledMapping``'s parts.
private struct Compiler {
    let mapping: CSVMapping
    let columnNames: [String]
    let hasHeader: Bool
    let context: CompiledMapping.Context

    /// The position of the column named `name` (exact, then ignoring case and repeated spaces).
    func position(of name: String) -> Int? {
        if let index = columnNames.firstIndex(of: name) { return index }
        let key = Self.key(name)
        return columnNames.firstIndex { Self.key($0) == key }
    }

    static func key(_ name: String) -> String {
        name.trimmingWhitespace().lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func location(of column: CSVColumnMapping) -> SourceLocation {
        SourceLocation(file: mapping.sourcePath, line: column.line, field: column.header)
    }

    /// The position of `source`'s column, throwing when it is missing (and not optional).
    private func resolve(_ name: String, optional: Bool, column: CSVColumnMapping) throws(Diagnostic) -> Int? {
        guard hasHeader else {
            throw Diagnostic(
                code: "csv.missing-column", severity: .error,
                message: "the input has no header row, so mapping '\(mapping.name)' cannot find column '\(name)'",
                hint: "name the columns by position ('index: 3') or read the first row as a header (--from-option header=true)",
                location: location(of: column))
        }
        if let index = position(of: name) { return index }
        if optional { return nil }
        let suggestion = FieldNames.closest(to: name, in: columnNames).map { "did you mean '\($0)'? " } ?? ""
        throw Diagnostic(
            code: "csv.missing-column", severity: .error,
            message: "the input has no column '\(name)' that mapping '\(mapping.name)' reads",
            hint: "\(suggestion)the columns are: \(columnNames.prefix(20).map { "'\($0)'" }.joined(separator: ", ")); mark the column 'optional: true' if it may be absent",
            location: location(of: column))
    }

    /// The plan for `column` and the column positions it reads; `nil` for an optional column
    /// that is absent, a `nil` plan for a column read but not placed.
    func plan(for column: CSVColumnMapping) throws(Diagnostic) -> (CompiledMapping.Plan?, [Int])? {
        var source: CompiledMapping.Source
        var used: [Int] = []
        switch column.source {
        case .header(let name):
            guard let index = try resolve(name, optional: column.optional, column: column) else { return nil }
            source = .cell(index)
            used = [index]
        case .index(let position):
            guard position <= columnNames.count || !hasHeader else {
                if column.optional { return nil }
                throw Diagnostic(
                    code: "csv.missing-column", severity: .error,
                    message: "mapping '\(mapping.name)' reads column \(position) but the input has \(columnNames.count)",
                    location: location(of: column))
            }
            source = .cell(position - 1)
            used = [position - 1]
        case .template(let text):
            guard case .success(let template) = TemplateText.parse(text) else {
                throw Diagnostic(
                    code: "mapping.invalid-value", severity: .error, message: "template '\(text)' is malformed",
                    location: location(of: column))
            }
            var pieces: [CompiledMapping.TemplatePiece] = []
            for part in template.parts {
                switch part {
                case .literal(let literal): pieces.append(.literal(literal))
                case .column(let name):
                    guard let index = try resolve(name, optional: column.optional, column: column) else { return nil }
                    pieces.append(.cell(index))
                    used.append(index)
                }
            }
            source = .template(pieces)
        }
        if column.ignore || column.fields.isEmpty { return (nil, used) }
        let name = column.sourceDescription
        var targets: [CompiledMapping.Target] = []
        var split: CSVSplitRule?
        for field in column.fields {
            let resolved: (path: FieldPath, access: FieldAccess<Credential>)
            do {
                resolved = try ModelFieldCatalogue.resolve(field)
            } catch {
                throw Diagnostic(
                    code: "mapping.unknown-field", severity: .error, message: "'\(field)' is not a model field: \(error.message)",
                    hint: error.hint, location: location(of: column))
            }
            if resolved.access.kind == .structure, column.format == .text {
                throw Diagnostic(
                    code: "mapping.invalid-value", severity: .error,
                    message: "'\(field)' is an object or a list; a cell can only fill it as JSON",
                    hint: "add 'format: json', or map a field inside it", location: location(of: column))
            }
            if resolved.access.isSpread {
                if column.partSeparator != nil {
                    throw Diagnostic(
                        code: "mapping.invalid-value", severity: .error,
                        message: "'\(field)' has '[]' but the column splits its cell into parts with 'separator'",
                        hint: "address an element by position ([0]) or drop 'fields'", location: location(of: column))
                }
                split = column.split ?? mapping.split
            }
            let reader = CellReader(
                kind: resolved.access.kind, column: column, mapping: mapping, vocabularies: context.vocabularies, columnName: name)
            targets.append(CompiledMapping.Target(path: field, access: resolved.access, reader: reader))
        }
        if split != nil, targets.contains(where: { !$0.access.isSpread }) {
            throw Diagnostic(
                code: "mapping.invalid-value", severity: .error,
                message: "\(name) fills both list ('[]') and single fields",
                hint: "give the list fields their own column entries", location: location(of: column))
        }
        let plan = CompiledMapping.Plan(
            source: source, name: name, trim: column.trim ?? mapping.trim, required: column.required,
            defaultValue: column.defaultValue, split: split, partSeparator: column.partSeparator, targets: targets)
        return (plan, used)
    }

    /// A credential with every constant set.
    func template() throws(Diagnostic) -> Credential {
        var credential = Credential()
        for constant in mapping.constants {
            let location = SourceLocation(file: mapping.sourcePath, line: constant.line, field: "constants.\(constant.field)")
            let resolved: (path: FieldPath, access: FieldAccess<Credential>)
            do {
                resolved = try ModelFieldCatalogue.resolve(constant.field)
            } catch {
                throw Diagnostic(
                    code: "mapping.unknown-field", severity: .error,
                    message: "'\(constant.field)' is not a model field: \(error.message)", hint: error.hint, location: location)
            }
            guard resolved.access.isSpread || constant.values.count <= 1 else {
                throw Diagnostic(
                    code: "mapping.invalid-value", severity: .error,
                    message: "constant '\(constant.field)' has \(constant.values.count) values but the field holds one",
                    hint: "use a '[]' path for a list, as in achievement.learningOutcomes[].text", location: location)
            }
            let format: CSVColumnMapping.CellFormat = resolved.access.kind == .structure ? .json : .text
            let reader = CellReader(
                kind: resolved.access.kind, column: nil, mapping: mapping, vocabularies: context.vocabularies,
                columnName: "constant '\(constant.field)'", format: format)
            for (index, raw) in constant.values.enumerated() {
                let text = raw == "$today" ? context.today.description : raw
                var notes: [Diagnostic] = []
                do throws(Diagnostic) {
                    let value = try reader.read(text, notes: &notes)
                    do {
                        try resolved.access.set(&credential, index, value)
                    } catch {
                        throw Diagnostic.error(
                            "mapping.invalid-value", "constant '\(constant.field)': \(FieldValueError.message(of: error))")
                    }
                } catch {
                    var located = error
                    located.code = "mapping.invalid-constant"
                    located.location = location
                    throw located
                }
            }
        }
        return credential
    }
}
