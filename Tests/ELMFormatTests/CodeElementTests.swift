@testable import ELMFormat
import Testing
import XMLSupport

/// Concept elements are built once per concept and name, and shared.
@Suite struct CodeElementTests {
    let concept = ELMConcept(iri: "http://data.europa.eu/snb/eqf/6", label: "Level 6", scheme: "http://data.europa.eu/snb/eqf/25831c2")

    @Test func aConceptElementHoldsItsIRISchemeAndEnglishLabel() {
        let element = ELMCodes.code("eqfLevel", concept)
        #expect(element.localName == "eqfLevel")
        #expect(element.attribute("uri") == concept.iri)
        #expect(element.attribute("targetFrameworkUrl") == concept.scheme)
        let text = element.elements.first?.elements.first
        #expect(element.elements.first?.localName == "targetName")
        #expect(text?.attribute("lang") == "en")
        #expect(text?.text == "Level 6")
    }

    @Test func theSameConceptAndNameShareOneElement() {
        #expect(ELMCodes.code("eqfLevel", concept).isIdentical(to: ELMCodes.code("eqfLevel", concept)))
        #expect(!ELMCodes.code("eqfLevel", concept).isIdentical(to: ELMCodes.code("nqfLevel", concept)))
    }

    /// Concepts that share an IRI (which the look-up is keyed on) but differ otherwise stay apart.
    @Test func conceptsWithTheSameIRIButAnotherLabelStayApart() {
        var relabelled = concept
        relabelled.label = "EQF level 6"
        let element = ELMCodes.code("eqfLevel", relabelled)
        #expect(element.elements.first?.elements.first?.text == "EQF level 6")
        #expect(ELMCodes.code("eqfLevel", concept).elements.first?.elements.first?.text == "Level 6")
    }
}
