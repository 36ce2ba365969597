import MicrocredPipeline
import Testing

@Suite struct PathTextTests {
    @Test(arguments: [
        ("a", "a", "", ""), ("-", "-", "", ""), ("b.csv", "b.csv", "", "csv"), ("a/b.csv", "b.csv", "a", "csv"),
        ("/b.csv", "b.csv", "/", "csv"), ("/x/y/", "y", "/x", ""), ("./a.tar.gz", "a.tar.gz", ".", "gz"),
        (".profile", ".profile", "", ""), ("/", "/", "/", ""), ("dir//a", "a", "dir", ""),
    ])
    func takesPathsApart(path: String, last: String, parent: String, fileExtension: String) {
        #expect(PathText.lastComponent(path) == last)
        #expect(PathText.parent(path) == parent)
        #expect(PathText.fileExtension(path) == fileExtension)
    }

    @Test func joinsAndNames() {
        #expect(PathText.appending("a", to: "dir") == "dir/a")
        #expect(PathText.appending("a", to: "dir/") == "dir/a")
        #expect(PathText.appending("a", to: "") == "a")
        #expect(PathText.baseName("Mappings/registrar.yaml") == "registrar")
        #expect(PathText.baseName("m") == "m")
    }
}
