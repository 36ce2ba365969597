import ByteOutput
import Testing

@Suite struct JoinedUTF8Tests {
    @Test func bytesAreEachPartInTurn() {
        let parts = ["", "a", "Zoë", "日本", "🎓", String(repeating: "x", count: 40)]
        #expect(JoinedUTF8.withBytes(of: parts) { Array($0) } == Array(parts.joined().utf8))
        #expect(JoinedUTF8.withBytes(of: []) { $0.count } == 0)
    }
}
