import ByteOutput

/// Fast UTF-8 validation over bytes, with an eight-bytes-at-a-time path for ASCII runs.
enum UTF8Scan {
    /// What stops a scan.
    enum Problem: Equatable {
        /// The bytes from the offset on are not UTF-8; `length` is the maximal invalid subpart
        /// (what one U+FFFD would stand for under the Unicode "best practice").
        case invalid(length: Int)
        /// A sequence starts at the offset but the bytes end before it does.
        case incomplete
    }

    /// The offset of the first problem at or after `start`, or `bytes.count` and `nil` when the
    /// rest is valid UTF-8.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (offset: Int, problem: Problem?) {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return (0, nil) }
        var index = start
        while index < count {
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                while index + 8 <= count,
                    UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                while index < count, base[index] < 0x80 { index += 1 }
                continue
            }
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            let continuation: Int
            switch lead {
            case 0xC2...0xDF: continuation = 1
            case 0xE0:
                continuation = 2
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: continuation = 2
            case 0xED:
                continuation = 2
                high = 0x9F
            case 0xF0:
                continuation = 3
                low = 0x90
            case 0xF1...0xF3: continuation = 3
            case 0xF4:
                continuation = 3
                high = 0x8F
            default: return (index, .invalid(length: 1))
            }
            var offset = 1
            while offset <= continuation {
                guard index + offset < count else { return (index, .incomplete) }
                let byte = base[index + offset]
                let (minimum, maximum) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= minimum, byte <= maximum else { return (index, .invalid(length: offset)) }
                offset += 1
            }
            index += continuation + 1
        }
        return (count, nil)
    }

    /// Appends the UTF-8 encoding of `scalar` to `output`.
    @inline(__always)
    static func append(_ scalar: UInt32, to output: inout [UInt8]) {
        ScalarUTF8.encode(scalar) { output.append($0) }
    }

    /// The UTF-8 bytes of U+FFFD REPLACEMENT CHARACTER.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
}
