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
        // A member no mapping knows, added to the first record, is an unmapped field.
        let brace = try #require(bytes.firstIndex(of: UInt8(ascii: "{")))
        bytes.insert(contentsOf: Array(#""x-registrar-note":"kept as read","#.utf8), at: brace + 1)
        var lean = OpenBadgesHarness.readContext()
        lean.keepsUnmappedFields = false
        let full = try OpenBadgesHarness.read(bytes, name: name, format: OpenBadges2Format.descriptor)
        let withoutFields = try OpenBadgesHarness.read(bytes, name: name, format: OpenBadges2Format.descriptor, context: lean)
        #expect(full.first?.credential?.unmapped.contains { $0.path.contains("x-registrar-note") } == true)
        #expect(withoutFields.map(\.diagnostics) == full.map(\.diagnostics))
        #expect(withoutFields.allSatisfy { $0.credential?.unmapped.allSatisfy { $0.path.contains("x-registrar-note") == false } ?? true })
        #expect(withoutFields.map { $0.credential.map(Self.withoutRenderedFields) } == full.map { $0.credential.map(Self.withoutRenderedFields) })
    }

    /// `credential` without the unmapped fields of its source format, the ones rendering back finds.
    private static func withoutRenderedFields(_ credential: Credential) -> Credential {
        var credential = credential
        credential.unmapped.removeAll { $0.format == OpenBadges2Format.id || $0.format == OpenBadges3Format.id }
        return credential
    }
}
