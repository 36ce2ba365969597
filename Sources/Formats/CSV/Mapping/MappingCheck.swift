import MicrocredModel
import MicrocredPipeline

/// The checks `mapping check` runs on a mapping that parsed: that it compiles (constants,
/// defaults and value maps are values of their fields), that no field is filled twice, and which
/// EU Annex I elements no column or constant supplies.
struct MappingCheck {
    let mapping: CSVMapping

    func findings() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        findings += compileFindings()
        findings += duplicateFields()
        findings += valueFindings()
        findings += elementFindings()
        if let reason = CSVWriterLayout.unwritableReason(mapping) {
            findings.append(
                Diagnostic(
                    code: "mapping.not-writable", severity: .note,
                    message: "the mapping can be read with but not written: \(reason)",
                    hint: "the csv writer needs columns that each hold one field (or parts of fields)",
                    location: SourceLocation(file: mapping.sourcePath)))
        }
        return findings
    }

    /// The column names a file read with this mapping must have.
    var requiredColumns: (names: [String], hasHeader: Bool) {
        var names: [String] = []
        var maximumIndex = 0
        for column in mapping.columns {
            switch column.source {
            case .header(let name): if !names.contains(name) { names.append(name) }
            case .index(let index): maximumIndex = max(maximumIndex, index)
            case .template(let text):
                for name in (try? TemplateText.parse(text).get())?.columns ?? [] where !names.contains(name) { names.append(name) }
            }
        }
        for rule in mapping.dialect.skipRows where !names.contains(rule.column) { names.append(rule.column) }
        if names.isEmpty { return ((0..<maximumIndex).map { String($0 + 1) }, false) }
        while names.count < maximumIndex { names.append("column \(names.count + 1)") }
        return (names, true)
    }

    private func compileFindings() -> [Diagnostic] {
        let (names, hasHeader) = requiredColumns
        do {
            _ = try CompiledMapping(
                mapping: mapping, columnNames: names, hasHeader: hasHeader, headerLine: nil,
                context: CompiledMapping.Context(today: CalendarDate(year: 2000, month: 1, day: 1)!, vocabularies: nil))
            return []
        } catch {
            return [error]
        }
    }

    private func duplicateFields() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let constants = Dictionary(mapping.constants.map { ($0.field, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: [String: CSVColumnMapping] = [:]
        for column in mapping.columns {
            for field in column.fields {
                if constants[field] != nil {
                    findings.append(
                        Diagnostic(
                            code: "mapping.duplicate-field", severity: .error,
                            message: "'\(field)' is both a constant and filled by \(column.sourceDescription)",
                            hint: "drop the constant, or give the column a 'default' instead",
                            location: SourceLocation(file: mapping.sourcePath, line: column.line, field: field)))
                }
                if let earlier = seen[field], !field.contains("[]") {
                    findings.append(
                        Diagnostic(
                            code: "mapping.duplicate-field", severity: .warning,
                            message: "'\(field)' is filled by \(earlier.sourceDescription) and by \(column.sourceDescription); the later one wins when both have a value",
                            location: SourceLocation(file: mapping.sourcePath, line: column.line, field: field)))
                }
                seen[field] = column
            }
        }
        return findings
    }

    private func valueFindings() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for column in mapping.columns {
            for field in column.fields {
                guard let access = try? ModelFieldCatalogue.resolve(field).access else { continue }
                let reader = CellReader(
                    kind: access.kind, column: column, mapping: mapping, vocabularies: nil, columnName: column.sourceDescription)
                let plain = CellReader(
                    kind: access.kind, column: CSVColumnMapping(source: column.source, format: column.format), mapping: mapping,
                    vocabularies: nil, columnName: column.sourceDescription)
                var samples = column.valueMap.map { ("value map entry '\($0.cell)'", $0.value) }
                if let value = column.defaultValue { samples.append(("default", value)) }
                for (what, value) in samples {
                    var notes: [Diagnostic] = []
                    do throws(Diagnostic) {
                        _ = try (what == "default" ? reader : plain).read(value, notes: &notes)
                    } catch {
                        findings.append(
                            Diagnostic(
                                code: "mapping.invalid-value", severity: .error,
                                message: "\(what) of \(column.sourceDescription) is not a value of '\(field)': \(error.message)",
                                hint: error.hint, location: SourceLocation(file: mapping.sourcePath, line: column.line, field: field)))
                    }
                }
            }
        }
        return findings
    }

    private func elementFindings() -> [Diagnostic] {
        let fields = mapping.constants.map(\.field) + mapping.columns.flatMap(\.fields)
        var findings: [Diagnostic] = []
        for element in EUElement.mandatory2022 where !Self.supplies(element, fields: fields) {
            findings.append(
                Diagnostic(
                    code: "mapping.element-unreachable", severity: .warning,
                    message: "no column or constant supplies the \(element.displayName); records will lack it",
                    hint: "map a column to \(element.fieldPath) or add a constant (the eu-2022 profile requires it)",
                    location: SourceLocation(file: mapping.sourcePath, field: element.fieldPath)))
        }
        return findings
    }

    /// Whether one of `fields` can supply `element`.
    static func supplies(_ element: EUElement, fields: [String]) -> Bool {
        let patterns = fields.compactMap { try? FieldPath(parsing: $0).pattern }
        func any(_ prefixes: [String]) -> Bool {
            patterns.contains { pattern in prefixes.contains { pattern == $0 || pattern.hasPrefix($0 + ".") || pattern.hasPrefix($0 + "@") } }
        }
        switch element {
        case .learnerIdentification:
            return any([
                "learner.id", "learner.fullName", "learner.givenNames", "learner.familyName", "learner.email", "learner.nationalId",
                "learner.studentIds[]", "learner.studentIds", "learner.hashedIdentities", "learner.hashedIdentities[]",
            ])
        case .title: return any(["title", "achievement.title"])
        case .issuerCountry: return any(["awardingBodies[].country", "awardingBodies", "awardingBodies[]", "issuer.country", "issuer"])
        case .awardingBody: return any(["awardingBodies[].name", "awardingBodies", "awardingBodies[]"])
        case .dateOfIssuing: return any(["issued"])
        case .learningOutcomes:
            return any(["achievement.learningOutcomes[].text", "achievement.learningOutcomes", "achievement.learningOutcomes[]", "achievement"])
        case .workload: return any(["achievement.workload", "achievement"])
        case .level: return any(["achievement.level", "achievement"])
        case .assessmentType: return any(["achievement.assessment.type", "achievement.assessment", "achievement"])
        case .participationForm: return any(["achievement.participation", "achievement"])
        case .qualityAssurance: return any(["achievement.qualityAssurance", "achievement.qualityAssurance[]", "achievement"])
        default: return true
        }
    }
}
