import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// A run that writes nothing (`validate`) tells the decoders it does not need the unmapped fields:
/// they then leave out what rendering the credential back would find, and decode everything else
/// the same.
struct UnmappedFieldsOptionTests {
    static let folder = RepositoryPaths.sampleData.appendingPathComponent("openbadges")

    @Test(arguments: ["ob2-batch.jsonl", "legacy-0.5-assertion.json", "ob3-credential.json"])
    func withoutUnmappedFieldsTheRestDecodesTheSame(_ name: String) throws {
        var bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        // A member no mapping knows, added to the file's first object, is an unmapped field. (The
        // reader tells OB 2.0 from OB 3.0 by the document, whichever descriptor opens it.)
        let brace = try #require(bytes.firstIndex(of: UInt8(ascii: "{")))
        bytes.insert(contentsOf: Array(#""x-registrar-note":"kept as read","#.utf8), at: brace + 1)
        var lean = OpenBadgesHarness.readContext()
        lean.keepsUnmappedFields = false
        let full = try OpenBadgesHarness.read(bytes, name: name, format: OpenBadges2Format.descriptor)
        let withoutFields = try OpenBadgesHarness.read(bytes, name: name, format: OpenBadges2Format.descriptor, context: lean)
        #expect(full.first?.credential?.unmapped.contains { $0.path.contains("x-registrar-note") } == true)
        #expect(withoutFields.map(\.diagnostics) == full.map(\.diagnostics))
        #expect(withoutFields.allSatisfy { $0.credential?.unmapped.allSatisfy { $0.path.contains("x-registrar-note") == false } ?? true })
        // Leaving the search out adds nothing: the fields left are some of the full decode's, in
        // order (theMappersOwnFieldsStay shows that a mapper's own field is among them).
        for (lean, whole) in zip(withoutFields, full) {
            let kept = whole.credential?.unmapped ?? []
            let left = lean.credential?.unmapped ?? []
            #expect(left == kept.filter { left.contains($0) })
        }
        #expect(withoutFields.map { $0.credential.map(Self.withoutRenderedFields) } == full.map { $0.credential.map(Self.withoutRenderedFields) })
    }

    /// An OB 3.0 achievement without `achievementType` is kept as such by the mapper (a `null`
    /// field), not by rendering back: that field stays when the rendering is left out.
    @Test func theMappersOwnFieldsStay() throws {
        let text = String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent("ob3-credential.json")), as: UTF8.self)
        let bytes = Array(text.replacingOccurrences(of: #""achievementType": "MicroCredential","#, with: "").utf8)
        var lean = OpenBadgesHarness.readContext()
        lean.keepsUnmappedFields = false
        let kept = try #require(try OpenBadgesHarness.read(bytes, context: lean).first?.credential).unmapped
        #expect(kept == [UnmappedField(format: OpenBadges3Format.id, path: "/credentialSubject/achievement/achievementType", value: .null)])
    }

    /// `credential` without the unmapped fields of its source format, the ones rendering back finds.
    private static func withoutRenderedFields(_ credential: Credential) -> Credential {
        var credential = credential
        credential.unmapped.removeAll { $0.format == OpenBadges2Format.id || $0.format == OpenBadges3Format.id }
        return credential
    }
}
