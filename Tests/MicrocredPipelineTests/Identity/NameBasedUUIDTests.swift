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

    @Test func aStemAndAnEndNameWhatTheyMakeJoined() {
        // With the namespace's 16 bytes, some joined names end on a 64-byte block, and some in
        // the last 8 bytes of one, where SHA-1's padding takes another block.
        let stems = ["", "urn:credential:1#", "élève/", String(repeating: "s", count: 48), String(repeating: "x", count: 70)]
        let ends = ["", "learningOpportunity/1", "é", String(repeating: "e", count: 41), String(repeating: "y", count: 130)]
        for stem in stems {
            let derivation = NameBasedUUID.Stem(stem)
            for end in ends {
                #expect(derivation.identifier(prefix: "urn:epass:x:", end: end) == "urn:epass:x:" + NameBasedUUID.text(for: stem + end))
                #expect(derivation.identifier(prefix: "urn:uuid:", end: end) == NameBasedUUID.urn(for: stem + end))
            }
        }
    }
}
