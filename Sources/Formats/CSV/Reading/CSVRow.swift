/// One data row as the reader hands it to the decoder: its cells and enough of its text to
/// locate a cell (line and column) when a value is wrong.
struct CSVRow: Sendable {
    var cells: [String]
    /// The byte offset of each cell in ``bytes``.
    var cellOffsets: [Int]
    /// The row as read (UTF-8).
    var bytes: [UInt8]
    /// The line the row starts on.
    var line: Int

    /// The line and column where cell `index` starts (the end of the row for a missing cell).
    func position(ofCell index: Int) -> (line: Int, column: Int) {
        let offset = index < cellOffsets.count ? cellOffsets[index] : bytes.count
        return ScannedRecord.position(of: offset, in: bytes, line: line)
    }

    /// The row's text as read.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
