public import ByteOutput

extension StringProtocol {
    /// The text without leading and trailing white space (Unicode `White_Space`, line breaks
    /// included). Fast for text that needs no trimming, which is most of it.
    @inlinable
    public func trimmingWhitespace() -> String {
        String.trimmingWhitespace(of: self)
    }
}

extension String {
    /// The text without leading and trailing white space (Unicode `White_Space`, line breaks
    /// included). Text that begins and ends with a non-space ASCII byte is returned as it is,
    /// checked on its stored bytes.
    @inlinable
    public func trimmingWhitespace() -> String {
        var text = self
        text.trimWhitespace()
        return text
    }

    /// Removes leading and trailing white space, as ``trimmingWhitespace()`` does; text that needs
    /// none removed is left as it is, without the reference counts of a copy.
    @inlinable
    public mutating func trimWhitespace() {
        if utf8.withContiguousStorageIfAvailable({ $0.hasSolidASCIIEdges }) != true { self = Self.trimmingWhitespace(of: self) }
    }

    /// `text` without leading and trailing white space (what both `trimmingWhitespace()` give).
    @inlinable
    static func trimmingWhitespace(of text: some StringProtocol) -> String {
        let bytes = text.utf8
        guard let firstByte = bytes.first else { return "" }
        let lastByte = bytes[bytes.index(bytes.startIndex, offsetBy: bytes.count - 1)]
        // Text that begins and ends with a byte below 0x80 begins and ends with that ASCII scalar.
        if firstByte < 0x80, lastByte < 0x80, !Unicode.Scalar(firstByte).isWhiteSpace, !Unicode.Scalar(lastByte).isWhiteSpace {
            return String(text)
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !first.isWhiteSpace, !last.isWhiteSpace { return String(text) }
        guard let start = scalars.firstIndex(where: { !$0.isWhiteSpace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isWhiteSpace })!
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start...end])
        return String(result)
    }
}

extension Unicode.Scalar {
    /// Whether the scalar has the Unicode `White_Space` property; answered without a property
    /// lookup for ASCII (tab, line feed, vertical tab, form feed, carriage return, space).
    @inlinable @inline(__always)
    public var isWhiteSpace: Bool {
        value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D) : properties.isWhitespace
    }
}
