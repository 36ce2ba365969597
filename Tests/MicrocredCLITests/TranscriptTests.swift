import Foundation
import MicrocredTestSupport
import Testing

@Suite(.serialized) struct TranscriptTests {
    @Test(arguments: TranscriptRunner.all.map(\.lastPathComponent))
    func transcript(name: String) throws {
        _ = enterRepositoryRoot
        let url = try #require(TranscriptRunner.all.first { $0.lastPathComponent == name })
        Golden.assertMatches(try TranscriptRunner(url: url).run(), golden: url)
    }

    @Test func thereAreTranscripts() {
        #expect(TranscriptRunner.all.count >= 5)
    }
}
