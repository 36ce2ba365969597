import Foundation
import MicrocredModel
public import MicrocredPipeline

/// Proposes a mapping for an export from its header and a sample of its rows (`microcred mapping
/// infer`): the dialect (encoding, delimiter, header row, rows to skip), a model field for each
/// column it recognises (column names in English, German, French, Italian, Spanish, Dutch and
/// Polish), and the date formats, decimal separator and multi-value separators the sample uses.
public enum MappingInference {
    /// What inference found.
    public struct Result: Sendable {
        /// The proposed mapping file, ready to save and use with `--mapping`.
        public var yaml: String
        /// The proposed mapping.
        public var mapping: CSVMapping
        /// Columns it could not place (kept in the mapping without a field, so their values stay
        /// in the unmapped fields).
        public var unplaced: [String]
        /// Guesses worth checking (an ambiguous date order, an assumed encoding), and the EU
        /// elements the export does not supply.
        public var assumptions: [String]
    }

    /// Reads the header and up to `sampleRows` rows of `source` and proposes a mapping.
    /// - Parameter options: read options as for `--from-option` (`encoding`, `delimiter`,
    ///   `header-row`), to override detection.
    /// - Throws: ``Diagnostic`` when the input cannot be read or has no rows.
    public static func infer(source: ByteSource, sampleRows: Int = 200, options: [String: String] = [:]) throws(Diagnostic) -> Result {
        var assumptions: [String] = []
        let dialect = try CSVDialectOptions(options: options, mapping: CSVMapping(name: "inferred"))
        let sample: ArraySlice<UInt8>
        do {
            sample = try source.peek(CSVReader.sampleSize)
        } catch {
            throw error.diagnostic
        }
        let detection = CSVTextEncoding.detect(sample, isWholeInput: sample.count < CSVReader.sampleSize)
        let encoding = dialect.encoding ?? detection.encoding
        if dialect.encoding == nil, detection.isGuess {
            assumptions.append("the file is not UTF-8; it was read as \(encoding.rawValue) (check accented letters)")
        }
        var skip = 0
        if let mark = CSVTextEncoding.byteOrderMark(in: sample), mark.encoding == encoding { skip = mark.byteOrderMarkLength }
        let scanner = CSVScanner(
            transcoder: Transcoder(source: source, encoding: encoding, skip: skip), delimiter: UInt8(ascii: ","),
            quote: dialect.quote, maximumRecordBytes: dialect.maximumRecordBytes)
        let text = try scanner.peekText(64 * 1024)
        var delimiter = dialect.delimiter ?? DialectDetector.delimiter(in: text, quote: dialect.quote) ?? UInt8(ascii: ",")
        if let hint = DialectDetector.excelSeparatorHint(in: text) {
            try scanner.skipLine()
            delimiter = dialect.delimiter ?? hint
        }
        scanner.delimiter = delimiter

        // The first rows, to find the header among them.
        var leading: [ScannedRecord] = []
        while leading.count < 20, let record = try scanner.next() { leading.append(record) }
        guard !leading.isEmpty else {
            throw Diagnostic.error("csv.empty-input", "the input has no rows to infer a mapping from")
        }
        let headerIndex = options[CSVDialectOptions.headerRow].flatMap(Int.init).map { $0 - 1 } ?? headerRow(in: leading)
        let header = CSVReader.headerNames(leading[min(headerIndex, leading.count - 1)].cells)
        var rows: [[String]] = leading.dropFirst(headerIndex + 1).map(\.cells)
        while rows.count < sampleRows, let record = try scanner.next() { rows.append(record.cells) }
        rows = rows.filter { !$0.allSatisfy { $0.trimmingWhitespace().isEmpty } }

        var mapping = CSVMapping(name: "inferred", description: "proposed by microcred mapping infer; review before use")
        mapping.dialect.delimiter = delimiter
        if encoding != .utf8 || skip > 0 { mapping.dialect.encoding = encoding }
        mapping.dialect.header = true
        if headerIndex > 0 { mapping.dialect.headerRow = headerIndex + 1 }

        // Rows that are not data: Canvas' "Points Possible", a test student.
        if let first = header.first {
            for marker in ["Points Possible", "Student, Test", "Test Student"]
            where rows.contains(where: { $0.first?.trimmingWhitespace().lowercased() == marker.lowercased() }) {
                mapping.dialect.skipRows.append(CSVSkipRule(column: first, equals: marker, reason: "not a learner"))
            }
            rows.removeAll { row in mapping.dialect.skipRows.contains { $0.matches(row.first ?? "") } }
        }

        var placement = Placement(header: header, rows: rows, delimiter: delimiter)
        placement.run()
        mapping.columns = placement.columns
        mapping.dateFormats = placement.dateFormats
        mapping.numberFormat = placement.numberFormat
        mapping.split = placement.split
        assumptions += placement.assumptions

        var comments = MappingYAML.Comments(header: [
            "Proposed by `microcred mapping infer` from the header and \(rows.count) row\(rows.count == 1 ? "" : "s").",
            "Review the fields, then fill in the constants an export does not carry (awarding body, level…).",
        ])
        for (index, column) in mapping.columns.enumerated() where column.fields.isEmpty {
            comments.columns[index] = "not placed: its values are kept as unmapped fields"
        }
        let fields = mapping.columns.flatMap(\.fields)
        for suggestion in Self.suggestions where !MappingCheck.supplies(suggestion.element, fields: fields) {
            comments.suggestedConstants.append((suggestion.field, suggestion.value, suggestion.element.displayName))
            assumptions.append("no column supplies the \(suggestion.element.displayName); a constant is suggested (commented out)")
        }
        let yaml = MappingYAML.render(mapping, comments: comments)
        return Result(yaml: yaml, mapping: mapping, unplaced: placement.unplaced, assumptions: assumptions)
    }

    /// Constants to suggest for EU elements exports often lack.
    private static let suggestions: [(element: EUElement, field: String, value: String)] = [
        (.awardingBody, "awardingBodies[0].name", "NAME OF THE AWARDING BODY"),
        (.issuerCountry, "awardingBodies[0].country", "DE"),
        (.title, "achievement.title", "TITLE OF THE MICRO-CREDENTIAL"),
        (.dateOfIssuing, "issued", "$today"),
        (.learningOutcomes, "achievement.learningOutcomes[].text", "THE LEARNER CAN …"),
        (.workload, "achievement.workload.credits.ECTS", "5"),
        (.level, "achievement.level.eqf", "6"),
        (.assessmentType, "achievement.assessment.type", "written examination"),
        (.participationForm, "achievement.participation.mode", "online"),
        (.qualityAssurance, "achievement.qualityAssurance[0].type", "internal quality assurance"),
    ]

    /// The index of the header among the first rows: the row with the most recognised column
    /// names (the first row when none has any).
    static func headerRow(in records: [ScannedRecord]) -> Int {
        // The number of different fields a row's cells name (data rows may repeat one word).
        let scores = records.map { record in
            Set(record.cells.compactMap { cell in
                HeaderAliases.field(for: cell) ?? (cell.contains(".") && ModelFieldCatalogue.isValid(cell) ? cell : nil)
            }).count
        }
        guard let best = scores.max(), best > 0, let first = scores.firstIndex(of: best) else { return 0 }
        // Templates describe their columns in rows above the header (labels, then machine keys):
        // the header is the last of the rows that name enough columns.
        let last = scores.indices.last { scores[$0] >= 3 && scores[$0] * 2 >= best } ?? first
        return max(first, last)
    }
}


/// Places the columns of a sample on model fields and infers how their values are written.
private struct Placement {
    let header: [String]
    let rows: [[String]]
    let delimiter: UInt8
    var columns: [CSVColumnMapping] = []
    var unplaced: [String] = []
    var assumptions: [String] = []
    var dateFormats: [CSVDateFormat] = [.iso]
    var numberFormat = CSVNumberFormat()
    var split = CSVSplitRule()
    private var taken: Set<String> = []

    init(header: [String], rows: [[String]], delimiter: UInt8) {
        self.header = header
        self.rows = rows
        self.delimiter = delimiter
    }

    private func values(_ index: Int) -> [String] {
        rows.compactMap { row in
            guard index < row.count else { return nil }
            var cell = row[index].trimmingWhitespace()
            CompiledMapping.unwrapFormula(&cell)
            return cell
        }.filter { !$0.isEmpty }
    }

    mutating func run() {
        var dateColumns: [(Int, [String])] = []
        var decimals: [String] = []
        var spreadValues: [String] = []
        for (index, name) in header.enumerated() {
            guard !name.isEmpty else { continue }
            let samples = values(index)
            var column = CSVColumnMapping(source: .header(name))
            if name.contains("."), let resolved = try? ModelFieldCatalogue.resolve(name), !taken.contains(name) {
                // A microcred-standard column, named by its path.
                column.fields = [name]
                column.format = resolved.access.kind == .structure ? .json : resolved.access.kind == .localized ? .textOrJSON : .text
                taken.insert(name)
                columns.append(column)
                continue
            }
            var candidate = HeaderAliases.field(for: name) ?? contentField(samples)
            // A second student id column (`ID` and `ID number`) becomes the next identifier.
            var position = 1
            while let current = candidate, taken.contains(current), current.hasPrefix("learner.studentIds["), position < 4 {
                candidate = "learner.studentIds[\(position)].value"
                position += 1
            }
            guard let field = candidate, !taken.contains(field) else {
                columns.append(column)
                unplaced.append(name)
                continue
            }
            // `Last, First` in one column (Canvas' Student).
            if field == "learner.fullName", !samples.isEmpty, samples.filter({ $0.contains(",") }).count * 10 >= samples.count * 8,
                !taken.contains("learner.familyName"), !taken.contains("learner.givenNames")
            {
                column.fields = ["learner.familyName", "learner.givenNames"]
                column.partSeparator = ", "
                taken.formUnion(column.fields)
                columns.append(column)
                continue
            }
            guard let kind = try? ModelFieldCatalogue.resolve(field).access.kind else {
                columns.append(column)
                unplaced.append(name)
                continue
            }
            switch kind {
            case .date, .timestamp:
                guard samples.isEmpty || Self.dateCandidates.contains(where: { Self.fits($0, samples) }) else {
                    columns.append(column)
                    unplaced.append(name)
                    continue
                }
                dateColumns.append((columns.count, samples))
            case .decimal:
                let numbers = samples.filter { CSVNumberFormat(decimal: .auto).parse($0) != .failure(.notANumber) }
                guard numbers.count * 5 >= samples.count * 4 else {
                    columns.append(column)
                    unplaced.append(name)
                    continue
                }
                decimals += samples
            case .integer:
                if !samples.allSatisfy({ CSVNumberFormat().parseInteger($0) != nil }) {
                    // `EQF 6`, `Level 6`: read by the vocabularies at run time; otherwise unplaced.
                    guard samples.allSatisfy({ $0.last?.isNumber ?? false }) else {
                        columns.append(column)
                        unplaced.append(name)
                        continue
                    }
                }
            default:
                break
            }
            if field == "achievement.iscedFields[]" {
                if samples.contains(where: { $0.count < 4 && $0.allSatisfy(\.isNumber) }) {
                    column.zeroPad = 4
                    assumptions.append("column '\(name)' has ISCED-F codes without their leading zero; they are padded to 4 digits")
                }
            }
            if field.contains("[]") {
                spreadValues += samples
            }
            column.fields = [field]
            taken.insert(field)
            columns.append(column)
        }
        inferDates(dateColumns)
        inferNumbers(decimals)
        inferSplit(spreadValues)
    }

    /// A field for a column whose name says nothing, from what its cells hold.
    private func contentField(_ samples: [String]) -> String? {
        guard !samples.isEmpty else { return nil }
        if samples.allSatisfy({ $0.contains("@") && $0.contains(".") && !$0.contains(" ") }) { return "learner.email" }
        return nil
    }

    static let dateCandidates: [CSVDateFormat] = [
        "iso", "dd.MM.yyyy", "dd.MM.yy", "dd/MM/yyyy", "MM/dd/yyyy", "dd/MM/yy", "MM/dd/yy", "dd-MM-yyyy", "yyyy/MM/dd",
        "dd.MM.yyyy HH:mm", "dd.MM.yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "MM/dd/yyyy HH:mm", "dd/MM/yy, HH:mm", "MM/dd/yy, HH:mm",
        "dd/MM/yyyy, HH:mm", "yyyy-MM-dd HH:mm", "dd-MM-yyyy HH:mm",
    ].compactMap { try? CSVDateFormat(pattern: $0) }

    /// Whether `format` reads at least four in five of `samples` (a sample may hold a typo).
    static func fits(_ format: CSVDateFormat, _ samples: [String]) -> Bool {
        samples.filter { format.parse($0) != nil }.count * 5 >= samples.count * 4
    }

    private mutating func inferDates(_ dateColumns: [(Int, [String])]) {
        var chosen: [CSVDateFormat] = []
        for (index, samples) in dateColumns where !samples.isEmpty {
            let fitting = Self.dateCandidates.filter { Self.fits($0, samples) }
            guard var format = fitting.first else { continue }
            let ambiguous = fitting.filter { $0 != format && $0.ambiguityShape == format.ambiguityShape }
            if let other = ambiguous.first {
                // Every sample date fits day-first and month-first: prefer day-first, the European
                // order, and say so.
                let dayFirst = [format, other].first { $0.pattern.hasPrefix("d") } ?? format
                format = dayFirst
                assumptions.append(
                    "the dates in column '\(columns[index].header ?? "")' fit both '\(format)' and '\(other)'; '\(format)' (day first) is assumed — check it")
            }
            if !chosen.contains(format) { chosen.append(format) }
        }
        if !chosen.isEmpty {
            if !chosen.contains(.iso) { chosen.append(.iso) }
            dateFormats = chosen
        }
    }

    private mutating func inferNumbers(_ samples: [String]) {
        let commas = samples.filter { $0.contains(",") && !$0.contains(".") }.count
        let points = samples.filter { $0.contains(".") && !$0.contains(",") }.count
        if commas > 0, commas >= points {
            numberFormat = CSVNumberFormat(decimal: .comma)
        } else if points > 0 {
            numberFormat = CSVNumberFormat(decimal: .point)
        }
    }

    private mutating func inferSplit(_ samples: [String]) {
        var candidates = ["|", ";", "\n", ","]
        candidates.removeAll { $0.utf8.first == delimiter }
        let counts = candidates.map { separator in
            samples.filter { separator == "\n" ? $0.contains(where: \.isNewline) : $0.contains(separator) }.count
        }
        if let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 {
            split = CSVSplitRule(separators: [candidates[best]])
        }
    }
}
