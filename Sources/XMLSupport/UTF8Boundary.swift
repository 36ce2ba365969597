/// Where libxml2's push parser may be handed the end of its input so far without its reading of
/// the text depending on that end.
///
/// libxml2 decodes a UTF-8 sequence with fewer than four bytes in hand from its start only when
/// the sequence is complete and valid. Otherwise it takes the sequence for the end of the input
/// so far and waits, and an invalid sequence found then is reported otherwise (as an error in
/// element content, or a missing `>`) than one found with the bytes after it in hand. So input may
/// end only where every sequence starting in its last three bytes is complete and valid.
enum UTF8Boundary {
    /// The largest end in `start + 1 ... end` at which `bytes` may be cut (see the type), or `nil`
    /// when there is none. The bytes before `start` were handed over already, ending where they
    /// could be cut.
    static func safeEnd(in bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        var candidate = end
        while candidate > start {
            if isSafeEnd(bytes, from: start, at: candidate) { return candidate }
            candidate -= 1
        }
        return nil
    }

    /// Whether every sequence that starts in the last three bytes of `bytes[start..<end]` is
    /// ASCII or a complete, well-formed multi-byte sequence.
    static func isSafeEnd(_ bytes: [UInt8], from start: Int, at end: Int) -> Bool {
        var index = max(start, end - 3)
        // Back to the start of the sequence the window begins in (at most three continuation
        // bytes before its lead byte).
        var steps = 0
        while index > start, steps < 3, bytes[index] & 0xC0 == 0x80 {
            index -= 1
            steps += 1
        }
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard lead >= 0xC2, lead <= 0xF4 else { return false }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + length <= end else { return false }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
