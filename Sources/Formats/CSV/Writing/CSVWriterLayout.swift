import MicrocredModel
import MicrocredPipeline

/// A mapping turned around for writing: for each column, the field(s) whose values make its cell.
struct CSVWriterLayout: @unchecked Sendable {
    struct Column {
        enum Content {
            /// One field, several fields joined with a separator, or a `[]` field joined as a list.
            case fields(FieldCell)
            /// A column the mapping acknowledges without a field: filled from the record's unmapped
            /// CSV field of the same name.
            case unmapped
            /// An ignored column: always empty.
            case empty
        }

        var name: String
        var content: Content
    }

    /// How a column's cell is made from fields (at least one). A class, so that writing a row
    /// reads each column's fields without copying them.
    final class FieldCell {
        let targets: [(access: FieldAccess<Credential>, writer: CellWriter)]
        let partSeparator: String?
        let split: CSVJoiner?
        /// The first field's access and writer, kept apart: most cells are made from them alone,
        /// and taking them out of the list would copy the whole field access for every cell.
        private let first: FieldAccess<Credential>
        private let writer: CellWriter

        init(targets: [(access: FieldAccess<Credential>, writer: CellWriter)], partSeparator: String?, split: CSVJoiner?) {
            precondition(!targets.isEmpty, "a field cell has at least one field")
            self.targets = targets
            self.partSeparator = partSeparator
            self.split = split
            first = targets[0].access
            writer = targets[0].writer
        }

        /// The cell for `credential`, which is only read. It is passed `inout` so that it stays
        /// where it is: the field accesses take it indirectly, as generic code does, and a
        /// credential passed by value would be copied (1 KB) for every cell.
        func text(for credential: inout Credential) -> String {
            if let split {
                let values = first.get(credential).all
                // Tested where the values are: comparing one with `nil` would copy it out first,
                // through its generic value witness.
                let hasValue = values.indices.contains { if case .some = values[$0] { true } else { false } }
                return hasValue ? split.join(values.map { writer.text($0) }) : ""
            }
            if let partSeparator {
                return targets.compactMap { access, writer in
                    let text = writer.text(access.get(credential).first)
                    return text.isEmpty ? nil : text
                }.joined(separator: partSeparator)
            }
            // The value is taken out by pattern: passing it on as an optional would copy it
            // through the optional's generic value witness.
            switch first.get(credential) {
            case .one(.some(let value)): return writer.text(value)
            case .list(let values): if !values.isEmpty, case .some(let value) = values[0] { return writer.text(value) }
            case .one(.none): break
            }
            return ""
        }
    }

    let mapping: CSVMapping
    let columns: [Column]

    /// Why `mapping` cannot be used for writing, or `nil` when it can.
    static func unwritableReason(_ mapping: CSVMapping) -> String? {
        for column in mapping.columns {
            switch column.source {
            case .template(let text): return "column template '\(text)' builds a value from several columns"
            case .index(let index): return "column \(index) is named by position, not by a header"
            case .header: continue
            }
        }
        var names: Set<String> = []
        for column in mapping.columns {
            if let name = column.header, !names.insert(name).inserted {
                return "column '\(name)' appears twice"
            }
        }
        return nil
    }

    /// The layout for `mapping`.
    /// - Throws: ``Diagnostic`` (`csv.mapping-not-writable`) when the mapping cannot be written.
    init(mapping: CSVMapping) throws(Diagnostic) {
        if let reason = Self.unwritableReason(mapping) {
            throw Diagnostic(
                code: "csv.mapping-not-writable", severity: .error,
                message: "mapping '\(mapping.name)' cannot be used for writing: \(reason)",
                hint: "write with the microcred-standard layout (the default), or a mapping whose columns each hold fields",
                location: SourceLocation(file: mapping.sourcePath))
        }
        self.mapping = mapping
        var columns: [Column] = []
        for column in mapping.columns {
            let name = column.header ?? ""
            if column.ignore {
                columns.append(Column(name: name, content: .empty))
                continue
            }
            if column.fields.isEmpty {
                columns.append(Column(name: name, content: .unmapped))
                continue
            }
            var targets: [(FieldAccess<Credential>, CellWriter)] = []
            var split: CSVSplitRule?
            for field in column.fields {
                guard let access = try? ModelFieldCatalogue.resolve(field).access else {
                    throw Diagnostic(
                        code: "mapping.unknown-field", severity: .error, message: "'\(field)' is not a model field",
                        location: SourceLocation(file: mapping.sourcePath, line: column.line, field: field))
                }
                if access.isSpread { split = column.split ?? mapping.split }
                targets.append((access, CellWriter(column: column, mapping: mapping)))
            }
            columns.append(Column(name: name, content: .fields(FieldCell(targets: targets, partSeparator: column.partSeparator, split: split.map(CSVJoiner.init)))))
        }
        self.columns = columns
    }

    /// The cells of `credential`'s row (`inout` only to spare copies of it, see
    /// ``FieldCell/text(for:)``).
    func cells(for credential: inout Credential) -> [String] {
        columns.map { column in
            switch column.content {
            case .empty:
                return ""
            case .unmapped:
                guard let field = credential.unmapped.first(where: { $0.format == CSVFormat.id && $0.path == column.name }) else {
                    return ""
                }
                if case .string(let text) = field.value { return text }
                return JSONSerializer().string(field.value)
            case .fields(let cell):
                return cell.text(for: &credential)
            }
        }
    }
}
