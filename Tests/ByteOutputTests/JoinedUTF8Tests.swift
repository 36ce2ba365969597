import ByteOutput
import Testing

@Suite struct JoinedUTF8Tests {
    @Test func bytesAreTheLeadingBytesThenEachPartInTurn() {
        let leading: [UInt8] = [0, 255, 7]
        let parts = ["", "a", "Zoë", "日本", "🎓", String(repeating: "x", count: 40)]
        let joined = leading.withUnsafeBytes { leading in JoinedUTF8.withBytes(of: parts, after: leading) { Array($0) } }
        #expect(joined == leading + Array(parts.joined().utf8))
        #expect(JoinedUTF8.withBytes(of: []) { $0.count } == 0)
    }
}
