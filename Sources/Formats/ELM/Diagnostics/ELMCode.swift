/// The stable diagnostic codes of the `elm-xml` format. XML errors keep the `xml.*` codes of
/// `XMLSupport` (`xml.malformed`, `xml.truncated`, `xml.external-entity`, `xml.schema-violation`…).
enum ELMCode {
    // MARK: Reading

    /// The input holds no `europassCredential` element (thrown; ends the input).
    static let noCredentials = "elm.no-credentials"
    /// An `idref` names an id that no element of the credential has.
    static let unresolvedIDRef = "elm.unresolved-idref"
    /// A `contactPoint` holds neither a `mailBox` nor a `wallet`, as the schema requires.
    static let invalidContactPoint = "elm.invalid-contact-point"
    /// A value the model maps cannot be read (a date, a duration, a number); it is kept as XML.
    static let invalidValue = "elm.invalid-value"
    /// A date of birth stored as a date-time was read as the date it stands for.
    static let dateOfBirthRepaired = "elm.date-of-birth-repaired"
    /// A duration of months only (`P60M`) in a workload was read as hours.
    static let monthsReadAsHours = "elm.duration-months-as-hours"
    /// White space around a URI, id or idref was removed.
    static let uriWhitespace = "elm.uri-whitespace"
    /// The language list used the `<language>` wrapper of the EDC software instead of `<availableLanguages>`.
    static let languageWrapper = "elm.language-wrapper"
    /// The credential came inside a verifiable presentation, whose envelope is not kept.
    static let presentationEnvelope = "elm.presentation-envelope"
    /// The credential's claim is a `qualificationAward`; it is kept as XML, not mapped.
    static let qualificationAwardKept = "elm.qualification-award-kept"

    // MARK: Writing

    /// The credential has no date of issuing (`cred:issued`).
    static let missingIssued = "elm.missing-issued"
    /// The credential has no title.
    static let missingTitle = "elm.missing-title"
    /// The credential has neither an issuer nor an awarding body for `cred:issuer`.
    static let missingIssuer = "elm.missing-issuer"
    /// The learner has no given names.
    static let missingGivenNames = "elm.missing-given-names"
    /// The learner has no family name.
    static let missingFamilyName = "elm.missing-family-name"
    /// An organisation to be written has no registration identifier.
    static let missingRegistration = "elm.missing-registration"
    /// A text is in a language outside the 29 the schema allows.
    static let unsupportedLanguage = "elm.unsupported-language"
    /// The credential title or description has two texts in one language.
    static let duplicateTextLanguage = "elm.duplicate-text-language"
    /// A model value the schema has no place for, or one it cannot hold as given.
    static let valueNotWritten = "elm.value-not-written"
    /// Kept XML that has no place in the document written.
    static let unmappedNotWritten = "elm.unmapped-not-written"
    /// A signature read from the source is not written (it cannot match the converted credential).
    static let proofNotWritten = "elm.proof-not-written"
    /// libxml2 refused to write the document (a character XML cannot hold).
    static let unencodable = "elm.unencodable"
}
