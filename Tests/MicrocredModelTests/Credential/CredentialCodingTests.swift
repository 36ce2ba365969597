import MicrocredModel
import MicrocredTestSupport
import Testing

@Suite struct CredentialCodingTests {
    private func roundTrip(_ credential: Credential) throws -> Credential {
        let tree = try JSONValueEncoder().encode(credential)
        let text = JSONSerializer().serialize(tree)
        return try JSONValueDecoder().decode(Credential.self, from: try JSONParser.parse(text))
    }

    @Test func roundTripsGeneratedCredentials() throws {
        var generator = CredentialGenerator(seed: 2026)
        for _ in 0..<300 {
            let credential = generator.next()
            #expect(try roundTrip(credential) == credential)
        }
    }

    @Test func keepsUnmappedFieldsAndProofsVerbatim() throws {
        let verbatim = try JSONParser.parse(#"{"type":"DataIntegrityProof","z":1.50,"a":[1e2,{"b":null}]}"#)
        let credential = Credential(
            proofs: [Proof(format: "data-integrity", value: verbatim)],
            unmapped: [
                UnmappedField(format: "ob3", path: "/credentialSubject/x", value: verbatim),
                UnmappedField(format: "elm-xml", path: "/europassCredential/foo", value: "<foo a=\"1\">bar</foo>"),
            ])
        let decoded = try roundTrip(credential)
        #expect(decoded == credential)
        #expect(JSONSerializer().string(decoded.proofs[0].value) == #"{"type":"DataIntegrityProof","z":1.50,"a":[1e2,{"b":null}]}"#)
        #expect(decoded.unmapped.map(\.path) == ["/credentialSubject/x", "/europassCredential/foo"])
    }

    @Test func writesMultilingualTextAsEntriesAndPlainTextAsAString() throws {
        let credential = Credential(
            title: "Data Literacy",
            description: LocalizedText(entries: [.init(language: "de", value: "Datenkompetenz"), .init(language: "en", value: "Data literacy")]))
        let tree = try JSONValueEncoder().encode(credential)
        #expect(tree["title"] == .string("Data Literacy"))
        #expect(tree["description"]?.listValue.count == 2)
        #expect(tree["description"]?.listValue.first?["language"] == .string("de"))
        #expect(try roundTrip(credential).description?.value(in: "EN") == "Data literacy")
    }

    @Test func leavesOutEmptyPartsAndReadsThemBackAsEmpty() throws {
        let tree = try JSONValueEncoder().encode(Credential(id: "urn:x"))
        #expect(tree == .object([JSONMember("id", "urn:x")]))
        let decoded = try JSONValueDecoder().decode(Credential.self, from: tree)
        #expect(decoded == Credential(id: "urn:x"))
    }

    @Test func keepsExactDecimalsAsStrings() throws {
        let credential = Credential(achievement: Achievement(workload: Workload(credits: [CreditPoints(points: DecimalNumber("7.5")!)])))
        let tree = try JSONValueEncoder().encode(credential)
        #expect(tree["achievement"]?["workload"]?["credits"]?.listValue.first?["points"] == .string("7.5"))
    }

    @Test func namesTheFieldOfABadValue() throws {
        let tree = try JSONParser.parse(#"{"issued":"03/04/2026"}"#)
        #expect {
            try JSONValueDecoder().decode(Credential.self, from: tree)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["issued"] && context.debugDescription.contains("03/04/2026")
        }
    }
}
