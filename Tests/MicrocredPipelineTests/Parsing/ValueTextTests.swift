import MicrocredModel
import MicrocredPipeline
import Testing

@Suite struct ValueTextTests {
    @Test(arguments: [
        ("PT60H", "60", false), ("pt7.5h", "7.5", false), ("P2DT4H", "52", false), ("PT90M", "1.5", false),
        ("P60M", "60", true), ("60 h", "60", false), ("60 hours", "60", false), ("60 Std.", "60", false),
        ("7,5 Stunden", "7.5", false), ("45 heures", "45", false), ("30 ore", "30", false), ("12 godzin", "12", false),
        ("125", "125", false),
    ])
    func workloads(text: String, hours: String, noted: Bool) throws {
        let reading = try #require(WorkloadText.hours(from: text))
        #expect(reading.hours == DecimalNumber(hours))
        #expect((reading.note != nil) == noted)
    }

    @Test(arguments: ["", "sixty", "60 ECTS", "P", "PT", "P1Y2M", "PTXH"])
    func notWorkloads(text: String) {
        #expect(WorkloadText.hours(from: text) == nil)
    }

    @Test(arguments: [
        ("7,5", "7.5"), ("7.5", "7.5"), ("7,5 ECTS", "7.5"), ("1.234,5", "1234.5"), ("1,234.5", "1234.5"), ("1 234,5", "1234.5"),
        ("1'234.5", "1234.5"), ("30", "30"), ("6 cr", "6"), ("-2,25", "-2.25"), ("1,000", "1000"), ("0,125", "0.125"),
    ])
    func decimals(text: String, expected: String) {
        #expect(DecimalText.number(from: text) == DecimalNumber(expected))
    }

    @Test func anExplicitSeparatorDecidesAmbiguousNumbers() {
        #expect(DecimalText.number(from: "1,000", separator: .comma) == DecimalNumber("1.000"))
        #expect(DecimalText.number(from: "1.000", separator: .point) == DecimalNumber("1"))
        #expect(DecimalText.number(from: "1.000", separator: .comma) == DecimalNumber("1000"))
    }

    @Test(arguments: ["abc", "", "ECTS", "1,2,3.4.5x"])
    func notDecimals(text: String) {
        #expect(DecimalText.number(from: text) == nil)
    }

    @Test(arguments: [("6", 6), ("Level 6", 6), ("EQF 6", 6), ("EQF-Niveau 5", 5), ("niveau 4", 4), ("VI", 6), ("viii", 8),
                      ("http://data.europa.eu/snb/eqf/7", 7), ("second cycle", 7), ("first cycle", 6)])
    func levels(text: String, level: Int) {
        #expect(LevelText.eqf(from: text, vocabularies: repositoryVocabularies) == level)
    }

    @Test(arguments: ["9", "Level 0", "IX", "advanced", ""])
    func notLevels(text: String) {
        #expect(LevelText.eqf(from: text, vocabularies: repositoryVocabularies) == nil)
    }
}
