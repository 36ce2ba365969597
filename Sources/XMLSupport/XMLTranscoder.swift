/// Converts a document from an ``XMLSourceEncoding`` to UTF-8 as its chunks arrive, keeping the
/// line and column of the next character, and stops at the first byte that is not valid in the
/// encoding.
///
/// A character split between chunks is kept until its end arrives, so the output, and where the
/// conversion stops, do not depend on where the chunks end.
struct XMLTranscoder {
    let encoding: XMLSourceEncoding
    /// Bytes of a character not yet complete (part of a UTF-16 code unit, or a high surrogate
    /// waiting for its low one).
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

    /// Appends the UTF-8 of the characters `bytes` complete to `output`; returns the error for the
    /// first byte that is not valid in the encoding, having appended the characters before it.
    mutating func convert(_ bytes: [UInt8], into output: inout [UInt8]) -> XMLIssue? {
        switch encoding {
        case .singleByte(let charset):
            output.reserveCapacity(output.count + bytes.count + bytes.count / 2)
            for byte in bytes {
                guard let scalar = charset[byte] else {
                    return invalid("byte \(Self.hex(byte)) stands for no character in \(charset.name), the encoding the document declares")
                }
                append(scalar, to: &output)
            }
            return nil
        case .utf16(let bigEndian, _):
            output.reserveCapacity(output.count + bytes.count * 3 / 2)
            var index = 0
            while index < bytes.count {
                pending.append(bytes[index])
                index += 1
                if pending.count == 2, skipsByteOrderMark {
                    skipsByteOrderMark = false
                    pending.removeAll(keepingCapacity: true)
                    continue
                }
                guard pending.count == 2 || pending.count == 4 else { continue }
                let first = Self.unit(pending[0], pending[1], bigEndian: bigEndian)
                if pending.count == 2 {
                    switch first {
                    case 0xD800...0xDBFF: continue
                    case 0xDC00...0xDFFF: return invalid("input is not valid UTF-16: low surrogate \(Self.hex(first)) has no high one before it")
                    default: append(Unicode.Scalar(first)!, to: &output)
                    }
                } else {
                    let second = Self.unit(pending[2], pending[3], bigEndian: bigEndian)
                    guard (0xDC00...0xDFFF).contains(second) else {
                        return invalid("input is not valid UTF-16: high surrogate \(Self.hex(first)) is not followed by a low one")
                    }
                    let value = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
                    append(Unicode.Scalar(value)!, to: &output)
                }
                pending.removeAll(keepingCapacity: true)
            }
            return nil
        }
    }

    /// The error for a document that ends inside a character, or `nil`.
    func finish() -> XMLIssue? {
        guard !pending.isEmpty else { return nil }
        return invalid("input ends inside a \(encoding.name) character")
    }

    private mutating func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        if scalar.isASCII {
            output.append(UInt8(scalar.value))
        } else {
            output.append(contentsOf: UTF8.encode(scalar)!)
        }
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private func invalid(_ message: String) -> XMLIssue {
        XMLIssue(
            code: XMLIssue.Code.encoding, message: message,
            hint: "declare the encoding the file is really saved in, or save it as UTF-8", line: line, column: column)
    }

    private static func unit(_ first: UInt8, _ second: UInt8, bigEndian: Bool) -> UInt16 {
        bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
    }

    private static func hex(_ value: some BinaryInteger) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, (value is UInt8 ? 2 : 4) - digits.count)) + digits
    }
}
