import MicrocredPipeline

/// Turns an input's bytes into UTF-8, chunk by chunk, never guessing silently: a byte sequence that
/// is not text in the input's encoding becomes U+FFFD in the output *and* a ``DecodeError`` that
/// the scanner turns into a diagnostic with the line and column of the row it falls in.
final class Transcoder {
    /// Bytes that could not be decoded, at `offset` in the UTF-8 output (where a U+FFFD stands).
    struct DecodeError: Equatable {
        var offset: Int
        var bytes: [UInt8]
    }

    let encoding: CSVTextEncoding
    private let source: ByteSource
    private let singleByte: SingleByteCodec?
    private var bytesToSkip: Int
    /// Bytes of an incomplete sequence at the end of the previous chunk.
    private var carry: [UInt8] = []
    /// UTF-8 bytes produced so far.
    private(set) var outputCount = 0
    private var finished = false
    /// The stream offset of `output[0]` during the current call, so that an error's offset is
    /// `streamBase + output.count`.
    private var streamBase = 0

    /// Reads `source` as `encoding`, skipping the first `skip` bytes (a byte order mark).
    init(source: ByteSource, encoding: CSVTextEncoding, skip: Int) {
        self.source = source
        self.encoding = encoding
        self.singleByte = SingleByteCodec(encoding)
        self.bytesToSkip = skip
    }

    /// Appends the next chunk of UTF-8 to `output` and its decode errors to `errors`.
    /// - Returns: `false` once the input is exhausted (nothing was appended).
    /// - Throws: ``Diagnostic`` (`input.unreadable`) when the input cannot be read.
    func next(into output: inout [UInt8], errors: inout [DecodeError]) throws(Diagnostic) -> Bool {
        guard !finished else { return false }
        var chunk: [UInt8]
        do {
            guard let next = try source.read() else {
                finished = true
                if !carry.isEmpty {
                    let start = output.count
                    errors.append(DecodeError(offset: outputCount, bytes: carry))
                    output.append(contentsOf: UTF8Scan.replacement)
                    outputCount += output.count - start
                    carry = []
                    return true
                }
                return false
            }
            chunk = next
        } catch {
            throw error.diagnostic
        }
        if bytesToSkip > 0 {
            let skipped = min(bytesToSkip, chunk.count)
            chunk.removeFirst(skipped)
            bytesToSkip -= skipped
        }
        if !carry.isEmpty {
            chunk = carry + chunk
            carry = []
        }
        let start = output.count
        streamBase = outputCount - start
        switch encoding {
        case .utf8: appendUTF8(chunk, to: &output, errors: &errors)
        case .utf16LittleEndian: appendUTF16(chunk, bigEndian: false, to: &output, errors: &errors)
        case .utf16BigEndian: appendUTF16(chunk, bigEndian: true, to: &output, errors: &errors)
        case .windows1252, .iso8859_1, .iso8859_15: appendSingleByte(chunk, to: &output, errors: &errors)
        }
        outputCount += output.count - start
        return true
    }

    private func appendUTF8(_ chunk: [UInt8], to output: inout [UInt8], errors: inout [DecodeError]) {
        chunk.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let (end, problem) = UTF8Scan.firstProblem(in: bytes, from: index)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                switch problem {
                case nil:
                    index = end
                case .incomplete:
                    carry = Array(bytes[end...])
                    index = bytes.count
                case .invalid(let length):
                    errors.append(DecodeError(offset: streamBase + output.count, bytes: Array(bytes[end..<(end + length)])))
                    output.append(contentsOf: UTF8Scan.replacement)
                    index = end + length
                }
            }
        }
    }

    private func appendUTF16(_ chunk: [UInt8], bigEndian: Bool, to output: inout [UInt8], errors: inout [DecodeError]) {
        output.reserveCapacity(output.count + chunk.count)
        var index = 0
        let count = chunk.count
        func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(chunk[at]) << 8 | UInt32(chunk[at + 1]) : UInt32(chunk[at + 1]) << 8 | UInt32(chunk[at])
        }
        while index + 1 < count {
            let first = unit(index)
            if first < 0xD800 || first > 0xDFFF {
                UTF8Scan.append(first, to: &output)
                index += 2
            } else if first <= 0xDBFF {
                guard index + 3 < count else { break }
                let second = unit(index + 2)
                if second >= 0xDC00, second <= 0xDFFF {
                    UTF8Scan.append(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00), to: &output)
                    index += 4
                } else {
                    errors.append(DecodeError(offset: streamBase + output.count, bytes: Array(chunk[index..<(index + 2)])))
                    output.append(contentsOf: UTF8Scan.replacement)
                    index += 2
                }
            } else {
                errors.append(DecodeError(offset: streamBase + output.count, bytes: Array(chunk[index..<(index + 2)])))
                output.append(contentsOf: UTF8Scan.replacement)
                index += 2
            }
        }
        if index < count { carry = Array(chunk[index...]) }
    }

    private func appendSingleByte(_ chunk: [UInt8], to output: inout [UInt8], errors: inout [DecodeError]) {
        guard let table = singleByte?.scalars else { return }
        output.reserveCapacity(output.count + chunk.count + chunk.count / 8)
        for byte in chunk {
            if byte < 0x80 {
                output.append(byte)
            } else if let scalar = table[Int(byte)] {
                UTF8Scan.append(scalar, to: &output)
            } else {
                errors.append(DecodeError(offset: streamBase + output.count, bytes: [byte]))
                output.append(contentsOf: UTF8Scan.replacement)
            }
        }
    }

}
