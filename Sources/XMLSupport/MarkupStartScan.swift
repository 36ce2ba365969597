import ByteOutput

/// Finding where a piece of markup begins, back from the parser's cursor at its end, and counting
/// the characters and line breaks in between, in one pass over the bytes eight at a time.
enum MarkupStartScan {
    /// The markup's first byte, and the line breaks and characters (bytes that do not continue a
    /// UTF-8 sequence, line breaks left out) from it up to `cursor`.
    struct Span {
        var start: UnsafePointer<UInt8>
        var newlines: Int
        var characters: Int
    }

    /// The last place before `cursor`, and not before `base`, where `opening` (such as `<!--`)
    /// begins and ends before `cursor`; `nil` when there is none.
    static func span(opening: [UInt8], before cursor: UnsafePointer<UInt8>, from base: UnsafePointer<UInt8>) -> Span? {
        let first = opening[0]
        var span = Span(start: cursor, newlines: 0, characters: 0)
        // Words from the cursor back, each counted from the lane after the markup's first byte if
        // it holds that byte, whole otherwise.
        while span.start - base >= 8 {
            let wordStart = span.start - 8
            let word = ByteClassScan.word(at: wordStart)
            // Most words hold neither the first byte nor a line break (nor a byte below one) nor
            // anything but ASCII: eight characters, found with a few operations.
            if ByteClassScan.lanes(equalTo: first, in: word) == 0 {
                if ByteClassScan.lanes(below: 0x0B, in: word) | ByteClassScan.nonASCIILanes(in: word) == 0 {
                    span.characters &+= 8
                } else {
                    count(word, fromLane: 0, into: &span)
                }
                span.start = wordStart
                continue
            }
            var candidates = ByteClassScan.exactLanes(equalTo: first, in: word)
            while candidates != 0 {
                let lane = (63 - candidates.leadingZeroBitCount) >> 3
                if opens(opening, at: wordStart + lane, before: cursor) {
                    count(word, fromLane: lane, into: &span)
                    span.start = wordStart + lane
                    return span
                }
                candidates &= (1 << UInt64(lane * 8)) &- 1
            }
            count(word, fromLane: 0, into: &span)
            span.start = wordStart
        }
        while span.start > base {
            span.start -= 1
            let byte = span.start.pointee
            if byte == 0x0A {
                span.newlines += 1
            } else if byte & 0xC0 != 0x80 {
                span.characters += 1
            }
            if byte == first, opens(opening, at: span.start, before: cursor) { return span }
        }
        return nil
    }

    /// Whether `opening` is at `position` and ends before `cursor`.
    @inline(__always)
    private static func opens(_ opening: [UInt8], at position: UnsafePointer<UInt8>, before cursor: UnsafePointer<UInt8>) -> Bool {
        guard cursor - position >= opening.count else { return false }
        for index in 1..<opening.count where position[index] != opening[index] { return false }
        return true
    }

    /// Adds the line breaks and characters of the lanes of `word` from `lane` up to `span`; an
    /// ASCII word without a line break is one character per lane.
    @inline(__always)
    private static func count(_ word: UInt64, fromLane lane: Int, into span: inout Span) {
        let counted = ~UInt64(0) << UInt64(lane * 8)
        let breaks = ByteClassScan.exactLanes(equalTo: 0x0A, in: word) & counted
        let lanes = 8 - lane
        if breaks | (ByteClassScan.nonASCIILanes(in: word) & counted) == 0 {
            span.characters &+= lanes
        } else {
            let continuations = ByteClassScan.continuationLanes(in: word) & counted
            span.newlines &+= breaks.nonzeroBitCount
            span.characters &+= lanes &- breaks.nonzeroBitCount &- continuations.nonzeroBitCount
        }
    }
}
