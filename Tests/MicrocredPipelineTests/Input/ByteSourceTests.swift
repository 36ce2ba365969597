import MicrocredPipeline
import Testing

@Suite struct ByteSourceTests {
    @Test(arguments: [1, 7, 1000])
    func countsTheBytesHandedOutNotThosePeekedAt(chunkSize: Int) throws {
        let bytes = Array("0123456789abcdefghij".utf8)
        let source = ByteSource(bytes: bytes, name: "t", chunkSize: chunkSize)
        _ = try source.peek(5)
        #expect(source.bytesRead == 0)
        var handedOut = 0
        while let chunk = try source.read() {
            handedOut += chunk.count
            #expect(source.bytesRead == handedOut)
        }
        #expect(source.bytesRead == bytes.count)
    }
}
