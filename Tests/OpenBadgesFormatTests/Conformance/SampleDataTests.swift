import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// The Open Badges samples shipped in SampleData/openbadges read cleanly and convert.
struct SampleDataTests {
    static let folder = RepositoryPaths.sampleData.appendingPathComponent("openbadges")

    @Test(arguments: [("ob2-batch.jsonl", 2), ("legacy-0.5-assertion.json", 1), ("ob3-credential.json", 1)])
    func readsTheSample(_ name: String, _ records: Int) throws {
        let outcomes = try OpenBadgesHarness.read(Self.folder.appendingPathComponent(name), format: OpenBadges2Format.descriptor)
        #expect(outcomes.count == records)
        for outcome in outcomes {
            #expect(!outcome.hasError, "\(outcome.codes)")
            let credential = OpenBadgesHarness.normalised(try #require(outcome.credential))
            #expect(OpenBadgesHarness.writeRuleFindings(credential, format: OpenBadges3Format.descriptor).isEmpty)
        }
    }

    @Test(arguments: ["badge-template.png", "badge-template.svg"])
    func bakesIntoTheTemplate(_ name: String) throws {
        let credential = try #require(try OpenBadgesHarness.read(Self.folder.appendingPathComponent("ob3-credential.json")).first?.credential)
        let options = ["bake": Self.folder.appendingPathComponent(name).path]
        let image = try OpenBadgesHarness.write(credential, options: options, secret: "sample", standalone: true).bytes
        let back = try #require(try OpenBadgesHarness.read(image, name: name).first?.credential)
        #expect(back.id == credential.id)
        #expect(back.learner.hashedIdentities.count == 1, "the e-mail is hashed by default")
    }
}
