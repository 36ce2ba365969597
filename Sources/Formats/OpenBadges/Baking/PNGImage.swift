/// A PNG file as its chunks: enough to find, remove and add the text chunks badges are baked into.
struct PNGImage: Sendable {
    /// The eight bytes every PNG starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    struct Chunk: Sendable {
        /// The four-letter type (`IHDR`, `iTXt`).
        var type: String
        var data: [UInt8]
        /// Whether the stored CRC matched the chunk (always true for chunks made here).
        var crcMatches = true
    }

    /// Why bytes are not a usable PNG.
    struct FormatError: Error, Sendable {
        var message: String
    }

    var chunks: [Chunk]

    /// Whether `bytes` start with the PNG signature.
    static func hasSignature(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: signature)
    }

    /// An image of `chunks`.
    init(chunks: [Chunk]) {
        self.chunks = chunks
    }

    /// Splits `bytes` into chunks, up to `IEND`.
    init(bytes: [UInt8]) throws(FormatError) {
        guard Self.hasSignature(bytes) else { throw FormatError(message: "the file does not start with the PNG signature") }
        var chunks: [Chunk] = []
        var offset = Self.signature.count
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw FormatError(message: "a chunk header is cut off at byte \(offset)") }
            let length = Int(Self.uint32(bytes, at: offset))
            let typeBytes = bytes[(offset + 4)..<(offset + 8)]
            guard typeBytes.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }) else {
                throw FormatError(message: "byte \(offset + 4) does not start a chunk type")
            }
            let dataStart = offset + 8
            guard length <= bytes.count - dataStart - 4 else {
                throw FormatError(message: "the '\(String(decoding: typeBytes, as: UTF8.self))' chunk at byte \(offset) runs past the end of the file")
            }
            let data = Array(bytes[dataStart..<(dataStart + length)])
            let stored = Self.uint32(bytes, at: dataStart + length)
            let computed = CRC32.checksum(Array(typeBytes) + data)
            let type = String(decoding: typeBytes, as: UTF8.self)
            chunks.append(Chunk(type: type, data: data, crcMatches: stored == computed))
            offset = dataStart + length + 4
            if type == "IEND" { break }
        }
        guard chunks.first?.type == "IHDR" else { throw FormatError(message: "the first chunk is not IHDR") }
        self.chunks = chunks
    }

    /// The file bytes, every CRC computed afresh.
    var bytes: [UInt8] {
        var output = Self.signature
        for chunk in chunks {
            output += Self.bigEndian(UInt32(chunk.data.count))
            let typeAndData = Array(chunk.type.utf8) + chunk.data
            output += typeAndData
            output += Self.bigEndian(CRC32.checksum(typeAndData))
        }
        return output
    }

    /// A text chunk's keyword and text: `iTXt` (UTF-8, `compressed` when the flag is set) or
    /// `tEXt` (Latin-1).
    struct TextEntry: Sendable {
        var chunkType: String
        var keyword: String
        var text: String
        var compressed: Bool
    }

    /// The keyword and text of an `iTXt` or `tEXt` chunk.
    static func textEntry(_ chunk: Chunk) -> TextEntry? {
        guard chunk.type == "iTXt" || chunk.type == "tEXt", let keywordEnd = chunk.data.firstIndex(of: 0) else { return nil }
        let keyword = String(decoding: chunk.data[..<keywordEnd], as: UTF8.self)
        if chunk.type == "tEXt" {
            let text = String(chunk.data[(keywordEnd + 1)...].map { Character(Unicode.Scalar($0)) })
            return TextEntry(chunkType: "tEXt", keyword: keyword, text: text, compressed: false)
        }
        var index = keywordEnd + 1
        guard index + 2 <= chunk.data.count else { return nil }
        let compressed = chunk.data[index] != 0
        index += 2
        guard let languageEnd = chunk.data[index...].firstIndex(of: 0) else { return nil }
        index = languageEnd + 1
        guard let translatedEnd = chunk.data[index...].firstIndex(of: 0) else { return nil }
        let text = String(decoding: chunk.data[(translatedEnd + 1)...], as: UTF8.self)
        return TextEntry(chunkType: "iTXt", keyword: keyword, text: text, compressed: compressed)
    }

    /// An uncompressed `iTXt` chunk with no language tag and no translated keyword.
    static func internationalText(keyword: String, text: String) -> Chunk {
        Chunk(type: "iTXt", data: Array(keyword.utf8) + [0, 0, 0, 0, 0] + Array(text.utf8))
    }

    private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
