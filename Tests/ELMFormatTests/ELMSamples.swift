/// Small credential documents written for the tests, each showing one thing.
enum ELMSamples {
    static let namespaces = #"xmlns="http://data.europa.eu/snb" xmlns:cred="http://data.europa.eu/europass/model/credentials/w3c#""#

    /// The organisation every sample's issuer refers to.
    static let organisation = """
        <agentReferences>
          <organization id="urn:epass:org:1">
            <registration>DE-123456</registration>
            <prefLabel><text lang="en" content-type="text/plain">Example University</text><text lang="de" content-type="text/plain">Beispieluniversität</text></prefLabel>
            <hasLocation><hasAddress><country targetFrameworkUrl="http://publications.europa.eu/resource/authority/country" uri="http://publications.europa.eu/resource/authority/country/DEU"><targetName><text lang="en" content-type="text/plain">Germany</text></targetName></country></hasAddress></hasLocation>
          </organization>
        </agentReferences>
        """

    /// A minimal credential with `subject` as the learner's extra content and `extra` after it.
    static func credential(
        id: String = "urn:credential:1", languages: String = "<availableLanguages><language>en</language></availableLanguages>",
        subject: String = "", afterSubject: String = "", references: String = organisation, attributes: String = ""
    ) -> String {
        """
        <europassCredential \(namespaces) xsdVersion="0.10.0" cred:id="\(id)"\(attributes)>
          <type targetFrameworkUrl="http://data.europa.eu/snb/credential/25831c2" uri="http://data.europa.eu/snb/credential/e34929035b"><targetName><text lang="en" content-type="text/plain">Generic</text></targetName></type>
          <primaryLanguage>en</primaryLanguage>
          \(languages)
          <cred:issued>2025-06-30T10:00:00+02:00</cred:issued>
          <cred:issuer idref="urn:epass:org:1"/>
          <title><text lang="en" content-type="text/plain">Data Literacy</text></title>
          <credentialSubject id="urn:epass:person:1">
            <givenNames><text lang="en" content-type="text/plain">Anna</text></givenNames>
            <familyName><text lang="en" content-type="text/plain">Kowalska</text></familyName>
            \(subject)
          </credentialSubject>
          \(afterSubject)
          \(references)
        </europassCredential>
        """
    }

    /// A credential with an achievement, its specification, outcomes, assessment and awarding.
    static let microCredential = """
        <?xml version="1.0" encoding="UTF-8"?>
        <europassCredential \(namespaces) xsdVersion="0.10.0" cred:id="urn:credential:mc-1">
          <type targetFrameworkUrl="http://data.europa.eu/snb/credential/25831c2" uri="http://data.europa.eu/snb/credential/e34929035b"><targetName><text lang="en" content-type="text/plain">Generic</text></targetName></type>
          <primaryLanguage>en</primaryLanguage>
          <availableLanguages><language>en</language><language>de</language></availableLanguages>
          <cred:issued>2025-06-30T10:00:00+02:00</cred:issued>
          <cred:issuer idref="urn:epass:org:1"/>
          <title><text lang="en" content-type="text/plain">Data Literacy</text><text lang="de" content-type="text/plain">Datenkompetenz</text></title>
          <credentialSubject id="urn:epass:person:1">
            <givenNames><text lang="en" content-type="text/plain">Anna</text></givenNames>
            <familyName><text lang="en" content-type="text/plain">Kowalska</text></familyName>
            <dateOfBirth>1999-10-01T22:00:00Z</dateOfBirth>
            <achievements>
              <learningAchievement id="urn:epass:learningAchievement:1">
                <title><text lang="en" content-type="text/plain">Data Literacy</text></title>
                <wasDerivedFrom id="urn:epass:assessment:1">
                  <title><text lang="en" content-type="text/plain">Final exam</text></title>
                  <grade>1,7</grade>
                  <idVerificationMethod targetFrameworkUrl="http://data.europa.eu/snb/supervision-verification/25831c2" uri="http://data.europa.eu/snb/supervision-verification/70be69aaf9"><targetName><text lang="en" content-type="text/plain">Supervised with ID Verification</text></targetName></idVerificationMethod>
                  <specifiedBy idref="urn:epass:assessmentSpec:1"/>
                </wasDerivedFrom>
                <wasAwardedBy idref="urn:epass:awardingProcess:1"/>
                <specifiedBy idref="urn:epass:qualification:1"/>
              </learningAchievement>
            </achievements>
          </credentialSubject>
          <learningSpecificationReferences>
            <qualification id="urn:epass:qualification:1">
              <title><text lang="en" content-type="text/plain">Data Literacy</text></title>
              <hasISCED-FCode targetFrameworkUrl="http://data.europa.eu/snb/isced-f/25831c2" uri="http://data.europa.eu/snb/isced-f/0613"><targetName><text lang="en" content-type="text/plain">Software and applications development and analysis</text></targetName></hasISCED-FCode>
              <volumeOfLearning>P60M</volumeOfLearning>
              <hasECTSCreditPoints>2.5</hasECTSCreditPoints>
              <language targetFrameworkUrl="http://publications.europa.eu/resource/authority/language" uri="http://publications.europa.eu/resource/authority/language/ENG"><targetName><text lang="en" content-type="text/plain">English</text></targetName></language>
              <mode targetFrameworkUrl="http://data.europa.eu/snb/learning-assessment/25831c2" uri="http://data.europa.eu/snb/learning-assessment/920fbb3cbe"><targetName><text lang="en" content-type="text/plain">Online</text></targetName></mode>
              <learningSettingType targetFrameworkUrl="http://data.europa.eu/snb/learning-setting/25831c2" uri="http://data.europa.eu/snb/learning-setting/e207a81fc7 "><targetName><text lang="en" content-type="text/plain">non-formal learning</text></targetName></learningSettingType>
              <learningOutcomes><learningOutcome idref="urn:epass:learningOutcome:1"/><learningOutcome idref="urn:epass:learningOutcome:2"/></learningOutcomes>
              <eqfLevel targetFrameworkUrl="http://data.europa.eu/snb/eqf/25831c2" uri="http://data.europa.eu/snb/eqf/6"><targetName><text lang="en" content-type="text/plain">Level 6</text></targetName></eqfLevel>
            </qualification>
          </learningSpecificationReferences>
          <learningOutcomeReferences>
            <learningOutcome id="urn:epass:learningOutcome:1"><prefLabel><text lang="en" content-type="text/plain">Read data</text><text lang="de" content-type="text/plain">Daten lesen</text></prefLabel></learningOutcome>
            <learningOutcome id="urn:epass:learningOutcome:2"><prefLabel><text lang="en" content-type="text/plain">Work with data</text></prefLabel><relatedEscoSkill targetFrameworkUrl="http://data.europa.eu/esco/concept-scheme/skills" uri="http://data.europa.eu/esco/skill/abc"><targetName><text lang="en" content-type="text/plain">work with data</text></targetName></relatedEscoSkill></learningOutcome>
          </learningOutcomeReferences>
          <assessmentSpecificationReferences>
            <assessmentSpecification id="urn:epass:assessmentSpec:1">
              <type targetFrameworkUrl="http://data.europa.eu/snb/assessment/25831c2" uri="http://data.europa.eu/snb/assessment/6e6cb2cc78"><targetName><text lang="en" content-type="text/plain">written examination</text></targetName></type>
              <gradingScheme idref="urn:epass:scoring:1"/>
            </assessmentSpecification>
          </assessmentSpecificationReferences>
          \(organisation)
          <awardingProcessReferences>
            <awardingProcess id="urn:epass:awardingProcess:1"><awardingBody idref="urn:epass:org:1"/></awardingProcess>
          </awardingProcessReferences>
          <scoringSchemeReferences>
            <scoringScheme id="urn:epass:scoring:1"><title><text lang="en" content-type="text/plain">German university grades 1–5</text></title></scoringScheme>
          </scoringSchemeReferences>
        </europassCredential>
        """
}
