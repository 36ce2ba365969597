/// One data row as the reader hands it to the decoder: its cells and enough of its text to
/// locate a cell (line and column) when a value is wrong.
struct CSVRow: Sendable {
    var cells: [String]
    /// The byte offset of each cell in ``text``.
    var cellOffsets: [Int]
    /// The row as read.
    var text: String
    /// The line the row starts on.
    var line: Int

    /// The line and column where cell `index` starts (the end of the row for a missing cell).
    func position(ofCell index: Int) -> (line: Int, column: Int) {
        let offset = index < cellOffsets.count ? cellOffsets[index] : text.utf8.count
        return ScannedRecord.position(of: offset, in: text, line: line)
    }
}
