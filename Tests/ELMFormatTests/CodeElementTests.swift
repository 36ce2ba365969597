@testable import ELMFormat
import Testing
import XMLSupport

/// Concept elements are built once per concept and name, and shared.
@Suite struct CodeElementTests {
    let concept = ELMConcept(iri: "http://data.europa.eu/snb/eqf/6", label: "Level 6", scheme: "http://data.europa.eu/snb/eqf/25831c2")

    @Test func aConceptElementHoldsItsIRISchemeAndEnglishLabel() {
        let element = ELMCodes.code("eqfLevel", concept).element
        #expect(element.localName == "eqfLevel")
        #expect(element.attribute("uri") == concept.iri)
        #expect(element.attribute("targetFrameworkUrl") == concept.scheme)
        let text = element.elements.first?.elements.first
        #expect(element.elements.first?.localName == "targetName")
        #expect(text?.attribute("lang") == "en")
        #expect(text?.text == "Level 6")
    }

    @Test func theSameConceptAndNameShareOneElement() {
        #expect(ELMCodes.code("eqfLevel", concept) === ELMCodes.code("eqfLevel", concept))
        #expect(ELMCodes.code("eqfLevel", concept) !== ELMCodes.code("nqfLevel", concept))
    }

    /// A label (or IRI) spelled with a combining accent is not the one spelled with a precomposed
    /// letter, although Swift's `==` calls them equal: each keeps its own bytes.
    @Test func spellingsThatSwiftCallsEqualStayApart() {
        let precomposed = ELMConcept(iri: "http://data.europa.eu/esco/skill/caf\u{E9}", label: "caf\u{E9}", scheme: "urn:s")
        let combining = ELMConcept(iri: "http://data.europa.eu/esco/skill/cafe\u{301}", label: "cafe\u{301}", scheme: "urn:s")
        #expect(precomposed.label == combining.label)
        let first = ELMCodes.code("relatedEscoSkill", precomposed).element
        let second = ELMCodes.code("relatedEscoSkill", combining).element
        #expect(Array(first.attribute("uri")?.utf8 ?? "".utf8) == Array(precomposed.iri.utf8))
        #expect(Array(second.attribute("uri")?.utf8 ?? "".utf8) == Array(combining.iri.utf8))
        #expect(Array((second.elements.first?.elements.first?.text ?? "").utf8) == Array(combining.label.utf8))
    }

    /// Concepts that share an IRI (which the look-up is keyed on) but differ otherwise stay apart.
    @Test func conceptsWithTheSameIRIButAnotherLabelStayApart() {
        var relabelled = concept
        relabelled.label = "EQF level 6"
        let element = ELMCodes.code("eqfLevel", relabelled).element
        #expect(element.elements.first?.elements.first?.text == "EQF level 6")
        #expect(ELMCodes.code("eqfLevel", concept).element.elements.first?.elements.first?.text == "Level 6")
    }
}
