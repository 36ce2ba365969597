import ELMFormat
import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

/// A run that writes nothing (`validate`) tells the decoder it does not need the unmapped fields:
/// the decoder then leaves them out and decodes everything else the same.
@Suite struct UnmappedFieldsOptionTests {
    static let gender =
        #"<gender targetFrameworkUrl="http://publications.europa.eu/resource/authority/human-sex" uri="http://publications.europa.eu/resource/authority/human-sex/FEMALE"><targetName><text lang="en" content-type="text/plain">female</text></targetName></gender>"#

    static var inputs: [[UInt8]] {
        get throws {
            let folder = RepositoryPaths.sampleData.appendingPathComponent("elm-xml")
            return [
                ELM.bytes(ELMSamples.credential(subject: Self.gender)),
                ELM.bytes(ELMSamples.credential(subject: "<contactPoint><phone><phoneNumber>1</phoneNumber></phone></contactPoint>")),
                Array(try Data(contentsOf: folder.appendingPathComponent("micro-credential.xml"))),
                Array(try Data(contentsOf: folder.appendingPathComponent("upload-batch.xml"))),
            ]
        }
    }

    @Test func withoutUnmappedFieldsTheRestDecodesTheSame() throws {
        var lean = ELM.context()
        lean.keepsUnmappedFields = false
        var keptSomething = false
        for input in try Self.inputs {
            let full = ELM.read(input)
            let withoutFields = ELM.read(input, context: lean)
            keptSomething = keptSomething || full.credentials.contains { !$0.unmapped.isEmpty }
            #expect(withoutFields.diagnostics == full.diagnostics)
            #expect(withoutFields.credentials.allSatisfy { $0.unmapped.isEmpty })
            #expect(withoutFields.credentials == full.credentials.map { credential in
                var credential = credential
                credential.unmapped = []
                return credential
            })
        }
        #expect(keptSomething, "an input has unmapped fields, so leaving them out is seen")
    }
}
