@testable import ELMFormat
import Testing

/// Which values the writer puts in `uri` attributes and as concept IRIs.
@Suite struct HTTPIRITests {
    @Test(arguments: [
        ("http://uni.example/x", true), ("HTTPS://UNI.EXAMPLE", true), ("Http://é.example/ü", true), ("https://a.eu", true),
        ("http://", false), ("https://", false), ("http://a", false), ("http://a b.example", false), ("ftp://x.example", false),
        ("http:/x.example", false), ("htt", false), ("", false), (" http://x.example", false), ("urn:uuid:1", false),
    ])
    func recognisesHTTPIRIs(_ value: String, _ expected: Bool) {
        #expect(value.isHTTPIRI == expected)
    }
}
