extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes begin and end with an ASCII byte that is not white space (Unicode
    /// `White_Space` among ASCII: tab, line feed, vertical tab, form feed, carriage return, space):
    /// then the text they hold has nothing to trim.
    @inlinable @inline(__always)
    public var hasSolidASCIIEdges: Bool {
        guard let first, let last else { return false }
        return Self.isSolidASCII(first) && Self.isSolidASCII(last)
    }

    @inlinable @inline(__always)
    static func isSolidASCII(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
    }
}
