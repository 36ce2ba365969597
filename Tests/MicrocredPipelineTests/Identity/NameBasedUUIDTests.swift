import Foundation
import MicrocredPipeline
import Testing

@Suite struct NameBasedUUIDTests {
    @Test func matchesTheRFCVersion5Construction() {
        // The well-known v5 UUID of "python.org" in the DNS namespace.
        let dns = UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
        #expect(NameBasedUUID.make(namespace: dns, name: "python.org").uuidString.lowercased() == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
    }

    @Test func isStableAndDistinguishesNames() {
        #expect(NameBasedUUID.urn(for: "a") == NameBasedUUID.urn(for: "a"))
        #expect(NameBasedUUID.urn(for: "a") != NameBasedUUID.urn(for: "b"))
        #expect(NameBasedUUID.urn(for: "a").hasPrefix("urn:uuid:"))
    }

    @Test func writesTheTextFoundationWrites() {
        for name in ["", "a", "urn:credential:1#org/issuer", "élève", String(repeating: "x", count: 300)] {
            let text = NameBasedUUID.make(namespace: NameBasedUUID.microcredNamespace, name: name).uuidString.lowercased()
            #expect(NameBasedUUID.text(for: name) == text)
            #expect(NameBasedUUID.urn(for: name) == "urn:uuid:" + text)
        }
    }

    @Test func joinsThePartsOfPrefixAndName() {
        let pieces = ["urn:credential:1", "#", "learningOpportunity", "/", "élève", "", String(repeating: "x", count: 300)]
        for cut in 0...pieces.count {
            let name = Array(pieces[..<cut])
            let joined = name.joined()
            let text = NameBasedUUID.make(namespace: NameBasedUUID.microcredNamespace, name: joined).uuidString.lowercased()
            #expect(NameBasedUUID.identifier(prefix: ["urn:epass:", "learningOpportunity", ":"], name: name) == "urn:epass:learningOpportunity:" + text)
        }
        #expect(NameBasedUUID.identifier(name: ["a", "b"]) == NameBasedUUID.text(for: "ab"))
    }
}
