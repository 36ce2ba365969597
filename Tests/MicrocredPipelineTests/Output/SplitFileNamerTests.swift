import MicrocredPipeline
import Testing

@Suite struct SplitFileNamerTests {
    @Test(arguments: [
        ("urn:uuid:5d0c8f3e-2b1a-4c6e-9f00-000000000001", "5d0c8f3e-2b1a-4c6e-9f00-000000000001"),
        ("https://uni.example.eu/credentials/42", "42"),
        ("../../etc/passwd", "passwd"),
        ("..", ""),
        (".hidden", "hidden"),
        ("a b:c*d?e", "a_b_c_d_e"),
        ("Zoë", "Zo_"),
    ])
    func keepsNamesInsideTheFolder(id: String, stem: String) {
        #expect(SplitFileNamer.sanitised(id) == stem)
    }

    @Test func makesNamesUniqueAndFallsBackToTheRecordIndex() {
        var namer = SplitFileNamer()
        #expect(namer.name(for: "https://x/a", record: 1, fileExtension: "json") == "a.json")
        #expect(namer.name(for: "https://y/A", record: 2, fileExtension: "json") == "A-2.json")
        #expect(namer.name(for: nil, record: 3, fileExtension: "json") == "record-3.json")
        #expect(namer.name(for: "..", record: 4, fileExtension: "json") == "record-4.json")
    }
}
