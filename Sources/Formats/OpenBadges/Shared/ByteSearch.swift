/// Substring search over bytes, for sniffing and cheap pre-checks.
enum ByteSearch {
    /// Whether `haystack` contains `needle`.
    static func contains(_ haystack: some Collection<UInt8>, _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: Array(haystack)) != nil
    }

    /// The offset of the first occurrence of `needle` in `haystack`.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matches = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }
}
