/// XML white space — space, tab, line feed and carriage return — and the formatting made of it.
public enum XMLWhitespace {
    /// Whether `byte` is XML white space.
    @inlinable @inline(__always)
    public static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Whether `bytes` hold only white space (true when they are empty).
    @inlinable
    public static func isWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy(isWhitespace)
    }

    /// Whether `text` holds only white space (true when it is empty).
    @inlinable
    public static func isWhitespace(_ text: String) -> Bool {
        // Read from the stored bytes: stepping through `utf8` costs several times more per byte,
        // and this is asked of every run of indentation in every document compared.
        var text = text
        return text.withUTF8(isWhitespace)
    }
}
