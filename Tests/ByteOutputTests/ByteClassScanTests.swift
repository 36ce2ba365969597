import ByteOutput
import MicrocredTestSupport
import Testing

@Suite struct ByteClassScanTests {
    /// Random words: the exact marks are set in exactly the lanes holding the byte, or a byte
    /// that continues a UTF-8 sequence.
    @Test func marksExactlyTheLanesAsked() {
        var random = SeededRandom(seed: 13)
        for _ in 0..<20_000 {
            let lanes = (0..<8).map { _ in random.pick([0x0A, 0x0B, 0x3C, 0x80, 0xBF, 0xC0, 0x00, 0xFF, UInt8.random(in: 0...255, using: &random)]) }
            let word = lanes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
            let target = random.pick([0x0A, 0x3C, 0x00, 0xFF] as [UInt8])
            let equal = ByteClassScan.exactLanes(equalTo: target, in: word)
            let continuing = ByteClassScan.continuationLanes(in: word)
            for (lane, byte) in lanes.enumerated() {
                let bit = UInt64(0x80) << UInt64(lane * 8)
                #expect((equal & bit != 0) == (byte == target), "\(lanes) \(target)")
                #expect((continuing & bit != 0) == (byte & 0xC0 == 0x80), "\(lanes)")
            }
            #expect(equal & ~0x8080_8080_8080_8080 == 0 && continuing & ~0x8080_8080_8080_8080 == 0)
        }
    }

    /// In generated strings, the last byte before every end is the one a plain backward search
    /// finds.
    @Test func findsTheLastByteBeforeEveryEnd() {
        for bytes in ByteSearchCases(seed: 17, members: [0x3C], others: [0x3D, 0x3E, 0x3B, 0x0A, 0xBC, 0x41]).texts {
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for end in 0...bytes.count {
                    let found = ByteClassScan.last(0x3C, before: base + end, from: base).map { $0 - base }
                    #expect(found == bytes[..<end].lastIndex(of: 0x3C), "\(bytes) before \(end)")
                }
            }
        }
    }
}
