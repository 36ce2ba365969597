/// Guesses the delimiter of delimited text from its first lines, and whether the first row is a
/// header.
enum DialectDetector {
    /// The delimiters tried, in order of preference when equally likely.
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    /// The delimiter of `text` (decoded UTF-8): the candidate that occurs (outside quotes) the same
    /// number of times, at least once, on the most of the first lines, preferring more
    /// occurrences; `nil` when no candidate occurs at all.
    static func delimiter(in text: ArraySlice<UInt8>, quote: UInt8 = UInt8(ascii: "\"")) -> UInt8? {
        let lines = countsPerLine(text, quote: quote, limit: 30)
        guard !lines.isEmpty else { return nil }
        var best: (delimiter: UInt8, consistency: Int, count: Int)?
        for (index, candidate) in candidates.enumerated() {
            let counts = lines.map { $0[index] }
            var frequency: [Int: Int] = [:]
            for count in counts where count > 0 { frequency[count, default: 0] += 1 }
            guard let (mode, lines) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if let current = best, (lines, mode) <= (current.consistency, current.count) { continue }
            best = (candidate, lines, mode)
        }
        return best?.delimiter
    }

    /// For each of the first `limit` records, how often each candidate occurs outside quotes.
    private static func countsPerLine(_ text: ArraySlice<UInt8>, quote: UInt8, limit: Int) -> [[Int]] {
        var result: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var sawContent = false
        for byte in text {
            if byte == quote {
                inQuotes.toggle()
                sawContent = true
                continue
            }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D {
                if sawContent {
                    result.append(counts)
                    if result.count >= limit { return result }
                }
                counts = [Int](repeating: 0, count: candidates.count)
                sawContent = false
                continue
            }
            sawContent = true
            if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        // The last line counts only if the sample is the whole text (it may be cut otherwise);
        // with fewer than two lines it is all there is.
        if sawContent, result.count < 2 { result.append(counts) }
        return result
    }

    /// The delimiter named by an Excel `sep=;` first line, if `text` starts with one.
    static func excelSeparatorHint(in text: ArraySlice<UInt8>) -> UInt8? {
        let prefix = Array(text.prefix(6))
        guard prefix.count >= 5, String(decoding: prefix[0..<4], as: UTF8.self).lowercased() == "sep=" else { return nil }
        let byte = prefix[4]
        guard byte != 0x0A, byte != 0x0D else { return nil }
        if prefix.count == 6, prefix[5] != 0x0A, prefix[5] != 0x0D { return nil }
        return byte
    }
}
