/// Where libxml2's push parser may be handed the end of its input so far without its reading of
/// the text depending on that end.
///
/// libxml2 decides whether a non-ASCII byte begins a valid UTF-8 sequence only with four bytes in
/// hand from it. With fewer, it takes the byte for the end of the input so far and waits, and an
/// invalid sequence found then is reported otherwise (as an error in element content, or a
/// missing `>`) than one found with the bytes after it in hand.
enum UTF8Boundary {
    /// The number of bytes at the end of `bytes[start..<end]` from the first non-ASCII byte among
    /// its last three, or 0 when they are ASCII: the bytes to hold back for the next slice.
    static func undecidedTailLength(in bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = max(start, end - 3)
        while index < end {
            if bytes[index] >= 0x80 { return end - index }
            index += 1
        }
        return 0
    }
}
