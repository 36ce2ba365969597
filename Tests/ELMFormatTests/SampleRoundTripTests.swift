import ELMFormat
import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

/// Every official sample: read → model (golden) → write → valid against the XSD → read again →
/// the same model.
@Suite("official samples")
struct SampleRoundTripTests {
    static let samples = RefData.files(in: "elm/edc-v1-xml/samples", withExtension: "xml").map(\.lastPathComponent)

    @Test func samplesArePresent() {
        guard RefData.url("elm/edc-v1-xml/samples") != nil else { return }
        #expect(Self.samples.count == 4)
    }

    @Test("reads without errors, matches its golden model", .enabled(if: RefData.isAvailable), arguments: samples)
    func readsToGoldenModel(_ name: String) throws {
        let url = try #require(RefData.url("elm/edc-v1-xml/samples/\(name)"))
        let result = ELM.read(url)
        #expect(result.failure == nil)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.records.count == 1)
        let credential = try #require(result.credentials.first)
        Golden.assertMatches(try ELM.goldenJSON(credential), golden: Self.golden(name))
    }

    @Test("writes a valid document that reads back to the same model", .enabled(if: RefData.isAvailable), arguments: samples)
    func roundTrips(_ name: String) throws {
        let url = try #require(RefData.url("elm/edc-v1-xml/samples/\(name)"))
        let credential = try #require(ELM.read(url).credentials.first)
        let written = try ELM.write(credential)
        #expect(!written.diagnostics.contains { $0.severity == .error })
        let violations = try #require(ELM.violations(written.bytes, name: name))
        #expect(violations.isEmpty, "\(violations.prefix(5))")

        let again = ELM.read(written.bytes, name: "written-\(name)")
        #expect(again.errors.isEmpty, "\(again.errors)")
        let reread = try #require(again.credentials.first)
        #expect(reread == credential)
        if reread != credential {
            #expect(try ELM.modelJSON(reread) == (try ELM.modelJSON(credential)))
        }
        #expect(try ELM.write(reread).bytes == written.bytes, "writing is deterministic and stable")
    }

    @Test("maps the Annex I elements the samples hold", .enabled(if: RefData.isAvailable))
    func degreeSampleMapping() throws {
        let url = try #require(RefData.url("elm/edc-v1-xml/samples/EDC_SampleDegree_AA.xml"))
        let credential = try #require(ELM.read(url).credentials.first)
        #expect(credential.issuer?.id == "urn:epass:org:1")
        #expect(credential.issuer?.country == "HR")
        #expect(credential.learner.citizenship == ["IT"])
        #expect(credential.learner.studentIds.map(\.scheme) == ["Student Card", "EU Health Card"])
        let achievement = credential.achievement
        #expect(achievement.id == "urn:epass:qualification:6")
        #expect(achievement.level.eqf == 5, "the sample gives EQF level 5")
        #expect(achievement.participation.setting == "http://data.europa.eu/snb/learning-setting/6fd4685715", "the trailing space in the sample's URI is removed")
        #expect(!achievement.learningOutcomes.isEmpty)
        #expect(achievement.learningOutcomes.allSatisfy { !$0.text.isBlank })
        #expect(credential.result?.grade == "excellent (5)")
        #expect(achievement.assessment.supervision == "http://data.europa.eu/snb/supervision-verification/70be69aaf9")
        #expect(!credential.awardingBodies.isEmpty)
        #expect(credential.awardingBodies.allSatisfy { $0.country != nil })
        #expect(credential.unmapped.allSatisfy { $0.format == "elm-xml" && $0.path.hasPrefix("/europassCredential") })
        #expect(credential.unmapped.contains { $0.path.hasSuffix("/gender[1]") })
    }

    static func golden(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/samples/\((name as NSString).deletingPathExtension).model.json")
    }
}
