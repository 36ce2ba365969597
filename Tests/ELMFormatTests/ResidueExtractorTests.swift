@testable import ELMFormat
import MicrocredModel
import Testing
import XMLSupport

/// What the reader keeps as unmapped: source children the built document does not reproduce,
/// in the schema order of their names whether or not the children come in the built order.
@Suite struct ResidueExtractorTests {
    private func credential(_ children: [XMLElement]) -> XMLElement {
        .snb(ELMNamespace.credential, children: children)
    }

    private func paths(source: [XMLElement], built: [XMLElement]) -> [String] {
        ELMResidueExtractor.residues(source: credential(source), built: credential(built)).map(\.path)
    }

    @Test func fieldsFollowSchemaOrderWhenChildrenMatchTheBuiltOrder() {
        let found = paths(
            source: [.snb("zzzUnlisted", text: "kept"), .snb("title", text: "source title")],
            built: [.snb("zzzUnlisted", text: "built"), .snb("title", text: "built title")])
        #expect(found == ["/europassCredential/title[1]", "/europassCredential/zzzUnlisted[1]"])
    }

    @Test func fieldsFollowSchemaOrderWhenChildrenAreInAnotherOrder() {
        let found = paths(
            source: [.snb("zzzUnlisted", text: "kept"), .snb("title", text: "source title")],
            built: [.snb("title", text: "built title"), .snb("zzzUnlisted", text: "built")])
        #expect(found == ["/europassCredential/title[1]", "/europassCredential/zzzUnlisted[1]"])
    }

    @Test func childrenOfOneNameAreComparedTogetherWhereverTheyStand() {
        let found = paths(
            source: [.snb("identifier", text: "A"), .snb("title", text: "T"), .snb("identifier", text: "B")],
            built: [.snb("identifier", text: "A"), .snb("title", text: "T"), .snb("identifier", text: "C")])
        #expect(found == ["/europassCredential/identifier[1]", "/europassCredential/identifier[2]"])
    }

    @Test func matchingChildrenLeaveNothing() {
        let subject = XMLElement.snb("credentialSubject", children: [.snb("givenNames", text: "Ana"), .snb("familyName", text: "Ruiz")])
        #expect(paths(source: [.snb("title", text: "T"), subject], built: [.snb("title", text: "T"), subject]).isEmpty)
    }

    @Test func aContainerIsComparedInside() {
        let source = XMLElement.snb("credentialSubject", children: [.snb("givenNames", text: "Ana"), .snb("gender", text: "f")])
        let built = XMLElement.snb("credentialSubject", children: [.snb("givenNames", text: "Ana"), .snb("gender", text: "x")])
        #expect(paths(source: [source], built: [built]) == ["/europassCredential/credentialSubject[1]/gender[1]"])
    }

    @Test func containersAreTheNamesWithASchemaOrder() {
        for local in ELMSchemaOrder.children.keys {
            #expect(ELMSchemaOrder.isContainer(ELMName(local)), "\(local)")
            #expect(!ELMSchemaOrder.isContainer(ELMName(local, namespace: ELMNamespace.cred)), "\(local)")
            #expect(!ELMSchemaOrder.isContainer(ELMName(local, namespace: nil)), "\(local)")
        }
        for local in ["title", "identifier", "Organization", "learningAchievements", "", "hasLocation\u{301}"] {
            #expect(ELMSchemaOrder.isContainer(ELMName(local)) == (ELMSchemaOrder.order(of: ELMName(local)) != nil), "\(local)")
            #expect(!ELMSchemaOrder.isContainer(ELMName(local)), "\(local)")
        }
    }
}
