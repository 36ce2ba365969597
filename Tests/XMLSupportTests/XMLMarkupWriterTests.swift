import Testing
import XMLSupport

/// What ``XMLMarkupWriter`` does beyond what it writes for a tree (which
/// ``XMLTreeSerializerTests`` compares with libxml2's writer): writing stops at the first name or
/// character refused, and that is the error it throws.
@Suite struct XMLMarkupWriterTests {
    @Test func theFirstRefusalIsTheErrorAndStopsTheWriting() {
        var writer = XMLMarkupWriter(indent: true)
        writer.startElement("a", namespaceURI: nil, prefix: nil)
        writer.addText("bell \u{7}")
        writer.startElement("1bad", namespaceURI: nil, prefix: nil)
        writer.endElement()
        writer.endElement()
        let error = #expect(throws: XMLError.self) { try writer.finish() }
        #expect(error?.issue.code == XMLIssue.Code.invalidCharacter)
        #expect(error?.issue.message.contains("U+0007") == true, "\(String(describing: error))")
    }

    @Test func checksNamesUnlessToldNotTo() throws {
        for checksNames in [true, false] {
            var writer = XMLMarkupWriter(checksNames: checksNames)
            writer.startElement("a", namespaceURI: nil, prefix: nil)
            writer.addAttribute("1st", namespaceURI: nil, prefix: nil, value: "v")
            writer.endElement()
            if checksNames {
                let error = #expect(throws: XMLError.self) { try writer.finish() }
                #expect(error?.issue.code == XMLIssue.Code.invalidName)
            } else {
                #expect(String(decoding: try writer.finish(), as: UTF8.self) == #"<a 1st="v"/>"#)
            }
        }
    }

    @Test func writesElementsAsTheyAreGiven() throws {
        var writer = XMLMarkupWriter(indent: true, declaration: true)
        writer.startElement("list", namespaceURI: "urn:l", prefix: nil)
        writer.declareNamespace(prefix: nil, uri: "urn:l")
        writer.addAttribute("n", namespaceURI: nil, prefix: nil, value: "2 & more")
        writer.startElement("item", namespaceURI: "urn:l", prefix: nil)
        writer.addText("<one>")
        writer.endElement()
        writer.startElement("empty", namespaceURI: "urn:l", prefix: nil)
        writer.endElement()
        writer.endElement()
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <list xmlns="urn:l" n="2 &amp; more">
              <item>&lt;one&gt;</item>
              <empty/>
            </list>

            """
        #expect(String(decoding: try writer.finish(), as: UTF8.self) == expected)
    }
}
