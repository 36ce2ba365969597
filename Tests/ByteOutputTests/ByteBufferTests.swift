import ByteOutput
import MicrocredTestSupport
import Testing

@Suite struct ByteBufferTests {
    /// Random mixes of every kind of append, from a tiny starting capacity so that the buffer grows
    /// many times (by doubling and by large single appends), give the bytes an array gets.
    @Test(arguments: 1...200 as ClosedRange<UInt64>)
    func appendsMatchAnArray(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var buffer = ByteBuffer(capacity: Int.random(in: 0...40, using: &random))
        var expected: [UInt8] = []
        for _ in 0..<Int.random(in: 0...60, using: &random) {
            switch Int.random(in: 0..<6, using: &random) {
            case 0:
                let byte = UInt8.random(in: 0...255, using: &random)
                buffer.append(byte)
                expected.append(byte)
            case 1:
                let bytes = (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                bytes.withUnsafeBufferPointer { buffer.append($0) }
                expected += bytes
            case 2:
                let bytes = (0..<Int.random(in: 0...100, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                buffer.append(bytes)
                expected += bytes
            case 3:
                let text = String(repeating: ["a", "é", "字", "🎓", " "].randomElement(using: &random)!, count: Int.random(in: 0...40, using: &random))
                buffer.append(text)
                expected += Array(text.utf8)
            case 4:
                buffer.append("<![CDATA[" as StaticString)
                expected += Array("<![CDATA[".utf8)
            default:
                let repetitions = Int.random(in: -2...500, using: &random)
                buffer.append(0x20, repeated: repetitions)
                expected += repeatElement(0x20, count: max(repetitions, 0))
            }
            #expect(buffer.count == expected.count)
        }
        #expect(Array(buffer.bytes) == expected)
        #expect(buffer.array() == expected)
    }

    /// Emptied and filled again, runs of random lengths read back as written each time.
    @Test func emptiesAndFillsAgain() {
        var random = SeededRandom(seed: 5)
        var buffer = ByteBuffer(capacity: 4)
        for _ in 0..<300 {
            let run = (0..<Int.random(in: 0...70, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            buffer.removeAll()
            #expect(buffer.count == 0 && buffer.bytes.isEmpty)
            run.withUnsafeBufferPointer { buffer.append($0) }
            #expect(Array(buffer.bytes) == run)
        }
    }

    /// Runs appended from every start of generated strings, after some bytes already written:
    /// each stops at the first member of the class (`<` here, as a plain definition finds it), the
    /// bytes before it are appended, and nothing written before them changes.
    @Test func appendsRunsUpToTheFirstMember() {
        let cases = ByteSearchCases(seed: 23, members: [0x3C], others: [0x3D, 0x3B, 0x0A, 0xBC, 0x41])
        var random = SeededRandom(seed: 29)
        cases.expectAgreement(
            { source, start in
                let earlier = (0..<Int.random(in: 0...20, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                var buffer = ByteBuffer(capacity: Int.random(in: 0...24, using: &random))
                buffer.append(earlier)
                let end = buffer.appendRun(of: source, from: start, isMember: { $0 == 0x3C }) {
                    ByteClassScan.lanes(equalTo: 0x3C, in: $0)
                }
                #expect(Array(buffer.bytes) == earlier + Array(source[start..<max(start, end)]))
                return end
            },
            reference: { bytes, start in bytes[start...].firstIndex(of: 0x3C) ?? bytes.count })
    }

    /// A copy of bytes already written, growing the buffer or not, is appended as they were.
    @Test func appendsACopyOfBytesItHolds() {
        var buffer = ByteBuffer(capacity: 16)
        buffer.append("0123456789")
        buffer.appendCopy(of: 2..<8)
        #expect(buffer.count == 16)
        buffer.appendCopy(of: 0..<16)
        buffer.appendCopy(of: 5..<5)
        #expect(Array(buffer.bytes) == Array("0123456789234567".utf8) + Array("0123456789234567".utf8))
    }
}
