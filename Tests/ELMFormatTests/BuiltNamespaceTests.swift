@testable import ELMFormat
import MicrocredModel
import MicrocredTestSupport
import Testing
import XMLSupport

/// A document built from the model alone binds every namespace it uses on its root, so the writer
/// serializes it without the namespace fix-up that merged XML needs.
@Suite struct BuiltNamespaceTests {
    @Test("built documents need no namespace fix-up", arguments: Array(UInt64(1)...8))
    func builtDocumentsAreAlreadyFixed(_ seed: UInt64) {
        var generator = CredentialGenerator(seed: seed)
        let concepts = ELMConcepts(ELM.vocabularies)
        for _ in 0..<16 {
            let credential = GeneratedCredentialTests.registered(generator.next())
            var builder = ELMDocumentBuilder(credential: credential, concepts: concepts, output: XMLTreeBuilder())
            let built = builder.buildTree()
            #expect(ELMNamespaceFixup.fixed(built).isIdentical(to: built))
        }
    }

    @Test func anElementInAnotherNamespaceIsFixed() {
        var built = XMLElement.snb("europassCredential")
        built.namespaceDeclarations = [XMLNamespaceDeclaration(prefix: nil, uri: ELMNamespace.snb)]
        built.children = [.element(XMLElement(localName: "Signature", namespaceURI: "http://www.w3.org/2000/09/xmldsig#"))]
        #expect(!ELMNamespaceFixup.fixed(built).isIdentical(to: built))
    }
}
