import Foundation

/// A tab-separated file as the vocabulary tables write it: UTF-8, one header row, no quoting.
struct VocabularyTSV {
    /// One data row: its 1-based line number and its fields, as many as the header has.
    struct Row {
        let line: Int
        let fields: [String]
    }

    /// The file name, for error messages.
    let file: String
    /// The header's column names.
    let header: [String]
    /// The data rows, blank lines skipped.
    let rows: [Row]

    /// Reads and splits `file` inside `directory`.
    static func read(_ file: String, in directory: URL) throws(VocabularyLoadError) -> VocabularyTSV {
        let url = directory.appendingPathComponent(file)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw VocabularyLoadError(file: file, reason: "cannot read \(url.path): \(error.localizedDescription)")
        }
        return try parse(data, file: file)
    }

    /// Splits the bytes of a table; `file` names it in errors.
    static func parse(_ data: Data, file: String) throws(VocabularyLoadError) -> VocabularyTSV {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw VocabularyLoadError(file: file, reason: "not valid UTF-8")
        }
        var header: [String]?
        var rows: [Row] = []
        var lineNumber = 0
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine[...]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") }) { continue }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            guard let columns = header else {
                header = fields
                continue
            }
            guard fields.count == columns.count else {
                throw VocabularyLoadError(
                    file: file, line: lineNumber,
                    reason: "expected \(columns.count) tab-separated fields, found \(fields.count)")
            }
            rows.append(Row(line: lineNumber, fields: fields))
        }
        guard let header else { throw VocabularyLoadError(file: file, reason: "empty file, no header row") }
        return VocabularyTSV(file: file, header: header, rows: rows)
    }

    /// The position of `column` in the header, or an error naming the file.
    func index(of column: String) throws(VocabularyLoadError) -> Int {
        guard let index = header.firstIndex(of: column) else {
            throw VocabularyLoadError(file: file, line: 1, reason: "missing column '\(column)'")
        }
        return index
    }
}
