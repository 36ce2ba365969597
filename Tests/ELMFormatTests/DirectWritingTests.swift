@testable import ELMFormat
import MicrocredModel
import MicrocredTestSupport
import Testing
import XMLSupport

/// The writer builds a credential with no kept XML straight into bytes, and one with kept XML as
/// a tree it then serializes: both give the same bytes and the same diagnostics. (The writer of
/// bytes does not check the builder's names; the serializer does, so its names are checked here.)
@Suite struct DirectWritingTests {
    @Test("bytes written directly equal the serialized tree", arguments: Array(UInt64(1)...8))
    func directBytesEqualTheSerializedTree(_ seed: UInt64) throws {
        var generator = CredentialGenerator(seed: seed)
        let concepts = ELMConcepts(ELM.vocabularies)
        for index in 0..<16 {
            // Every other credential keeps its unregistered organisations, so errors are compared too.
            let generated = generator.next()
            let credential = index.isMultiple(of: 2) ? GeneratedCredentialTests.registered(generated) : generated
            for (indent, declaration) in [(true, false), (true, true), (false, false), (false, true)] {
                var direct = ELMDocumentBuilder(
                    credential: credential, concepts: concepts, output: XMLMarkupWriter(indent: indent, declaration: declaration, checksNames: false))
                direct.build()
                var tree = ELMDocumentBuilder(credential: credential, concepts: concepts, output: XMLTreeBuilder())
                tree.build()
                #expect(direct.diagnostics == tree.diagnostics)
                #expect(direct.ids.credential == tree.ids.credential)
                let serialized = try XMLTreeSerializer(indent: indent).serialize(tree.output.elements[0], declaration: declaration)
                #expect(try direct.output.finish() == serialized, "seed \(seed), credential \(index), indent \(indent)")
            }
        }
    }
}
