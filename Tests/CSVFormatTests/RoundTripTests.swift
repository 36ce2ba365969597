import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

@testable import CSVFormat

/// model -> csv (microcred-standard) -> model gives back every credential exactly.
@Suite struct RoundTripTests {
    @Test(arguments: 0..<300)
    func standardLayoutIsLossless(seed: Int) throws {
        var generator = CredentialGenerator(seed: UInt64(seed))
        let credentials = (0..<3).map { _ in generator.next() }
        let (bytes, writeFindings) = try CSVTest.write(credentials)
        #expect(writeFindings.isEmpty, "\(writeFindings)")
        let records = try CSVTest.read(bytes)
        #expect(records.count == credentials.count)
        for (record, original) in zip(records, credentials) {
            #expect(record.errorCodes.isEmpty, "\(record.diagnostics)")
            if record.credential != original {
                let left = JSONSerializer().string((try? JSONValueEncoder().encode(original)) ?? .null)
                let right = JSONSerializer().string(record.credential.flatMap { try? JSONValueEncoder().encode($0) } ?? .null)
                Issue.record("seed \(seed): credential differs after the round trip\nexpected: \(left)\nactual:   \(right)")
            }
        }
    }
}
