import MicrocredModel
import Testing

@Suite("Remembered vocabulary lookups")
struct RememberedLookupTests {
    /// Values looked up again and again, and more distinct values than the cache holds, give
    /// exactly what the table itself answers, in every vocabulary, from several threads at once.
    @Test func givesWhatTheTableAnswers() async throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        let repeated = ["DE", "Deutschland", "de", "0613", "613", "EQF 6", "online", "zzz", " FR ", "http://data.europa.eu/snb/eqf/6"]
        let distinct = (0..<5000).map { "value \($0)" }
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for round in 0..<3 {
                        for kind in VocabularyKind.allCases {
                            for value in repeated + (round == worker % 3 ? distinct.prefix(1500) : []) {
                                #expect(vocabularies.match(value, in: kind) == vocabularies.table(kind).match(value), "\(kind) '\(value)'")
                            }
                        }
                    }
                }
            }
        }
    }
}
