import ByteOutput

/// Converts a document from an ``XMLSourceEncoding`` to UTF-8 as its chunks arrive, keeping the
/// line and column of the next character, and stops at the first byte that is not valid in the
/// encoding.
///
/// A character split between chunks is kept until its end arrives, so the output, and where the
/// conversion stops, do not depend on where the chunks end.
struct XMLTranscoder {
    let encoding: XMLSourceEncoding
    /// The bytes of a character not yet complete (part of a UTF-16 code unit, or a high surrogate
    /// waiting for its low one), at most three.
    private var pending: [UInt8] = []
    /// Whether the byte order mark is still to be skipped.
    private var skipsByteOrderMark: Bool
    /// The 1-based line of the next character (lines end at line feeds, as libxml2 counts them).
    private var line = 1
    /// The 1-based column of the next character, counted in characters.
    private var column = 1

    init(_ encoding: XMLSourceEncoding) {
        self.encoding = encoding
        if case .utf16(_, let byteOrderMark) = encoding { skipsByteOrderMark = byteOrderMark } else { skipsByteOrderMark = false }
    }

    /// The UTF-8 of the characters `bytes` complete, and the error for the first byte that is not
    /// valid in the encoding (the characters before it converted).
    mutating func convert(_ bytes: [UInt8]) -> (utf8: [UInt8], failure: XMLIssue?) {
        let input = pending.isEmpty ? bytes : pending + bytes
        pending = []
        var failure: XMLIssue?
        // A byte gives at most three bytes of UTF-8, and a UTF-16 code unit (two bytes) or
        // surrogate pair (four) at most three or four.
        let output = [UInt8](unsafeUninitializedCapacity: 3 * input.count) { buffer, count in
            input.withUnsafeBufferPointer { source in
                var writer = Writer(buffer: buffer, line: line, column: column)
                switch encoding {
                case .singleByte(let charset): failure = convert(source, from: charset, to: &writer)
                case .utf16(let bigEndian, _): failure = convertUTF16(source, bigEndian: bigEndian, to: &writer)
                }
                count = writer.count
                line = writer.line
                column = writer.column
            }
        }
        return (output, failure)
    }

    /// The error for a document that ends inside a character, or `nil`.
    func finish() -> XMLIssue? {
        pending.isEmpty ? nil : invalid("input ends inside a \(encoding.name) character")
    }

    private func convert(_ source: UnsafeBufferPointer<UInt8>, from charset: XMLSingleByteCharset, to writer: inout Writer) -> XMLIssue? {
        for byte in source {
            if byte < 0x80 {
                writer.put(ascii: byte)
            } else if let scalar = charset[byte] {
                writer.put(scalar.value)
            } else {
                return invalid(
                    "byte \(Self.hex(byte, digits: 2)) stands for no character in \(charset.name), the encoding the document declares",
                    at: writer)
            }
        }
        return nil
    }

    private mutating func convertUTF16(_ source: UnsafeBufferPointer<UInt8>, bigEndian: Bool, to writer: inout Writer) -> XMLIssue? {
        func unit(at index: Int) -> UInt32 {
            bigEndian ? UInt32(source[index]) << 8 | UInt32(source[index + 1]) : UInt32(source[index + 1]) << 8 | UInt32(source[index])
        }
        var index = 0
        if skipsByteOrderMark {
            guard source.count >= 2 else {
                pending = Array(source)
                return nil
            }
            skipsByteOrderMark = false
            index = 2
        }
        while index + 1 < source.count {
            let first = unit(at: index)
            switch first {
            case 0..<0x80:
                writer.put(ascii: UInt8(first))
                index += 2
            case 0xD800...0xDBFF:
                guard index + 3 < source.count else {
                    pending = Array(source[index...])
                    return nil
                }
                let second = unit(at: index + 2)
                guard (0xDC00...0xDFFF).contains(second) else {
                    return invalid("input is not valid UTF-16: high surrogate \(Self.hex(first, digits: 4)) is not followed by a low one", at: writer)
                }
                writer.put(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                index += 4
            case 0xDC00...0xDFFF:
                return invalid("input is not valid UTF-16: low surrogate \(Self.hex(first, digits: 4)) has no high one before it", at: writer)
            default:
                writer.put(first)
                index += 2
            }
        }
        pending = Array(source[index...])
        return nil
    }

    /// Writes characters as UTF-8 into the output's buffer, counting lines and columns.
    private struct Writer {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var line: Int
        var column: Int
        var count = 0

        init(buffer: UnsafeMutableBufferPointer<UInt8>, line: Int, column: Int) {
            self.buffer = buffer
            self.line = line
            self.column = column
        }

        @inline(__always)
        mutating func put(ascii byte: UInt8) {
            buffer[count] = byte
            count += 1
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }

        /// Writes the character `value` (a Unicode scalar value).
        @inline(__always)
        mutating func put(_ value: UInt32) {
            if value < 0x80 { return put(ascii: UInt8(value)) }
            ScalarUTF8.encode(value) { byte in
                buffer[count] = byte
                count += 1
            }
            column += 1
        }
    }

    private func invalid(_ message: String, at writer: Writer? = nil) -> XMLIssue {
        XMLIssue(
            code: XMLIssue.Code.encoding, message: message,
            hint: "declare the encoding the file is really saved in, or save it as UTF-8", line: writer?.line ?? line,
            column: writer?.column ?? column)
    }

    private static func hex(_ value: some BinaryInteger, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
