public import MicrocredModel

/// The microcred Open Badges extension: JSON-LD terms for the EU micro-credential elements that
/// Open Badges has no property for (type of assessment, form of participation, quality assurance,
/// supervision and identity verification, prerequisites, notional workload in hours,
/// stackability…), and for the parts of a record that keep a conversion lossless.
///
/// Terms reuse the European Learning Model's names and IRIs where ELM has one (`mode` is
/// `elm:mode`, `entryRequirement` is `elm:entryRequirement`); the few without an ELM property get
/// IRIs in the microcred namespace. `docs/openbadges.md` documents every term; the context document
/// ships as `docs/contexts/microcred-ob3-extension-v1.jsonld` and equals ``contextDocument``.
public enum MicrocredExtension {
    /// The namespace of the terms microcred defines itself.
    public static let namespace = "https://microcred.invalid/ns/ob-extension/v1#"

    /// The file name of the shipped context document; a context URL ending in it is recognised
    /// as this extension when reading.
    public static let contextFileName = "microcred-ob3-extension-v1.jsonld"

    /// The context document: `{"@context": …}`.
    public static var contextDocument: JSONValue { .object([JSONMember("@context", context)]) }

    /// The context object itself, as written inline into credentials by default.
    public static let context: JSONValue = {
        func term(_ id: String, type: String? = nil, container: String? = nil, context: [JSONMember]? = nil) -> JSONValue {
            var members = [JSONMember("@id", .string(id))]
            if let type { members.append(JSONMember("@type", .string(type))) }
            if let container { members.append(JSONMember("@container", .string(container))) }
            if let context { members.append(JSONMember("@context", .object(context))) }
            return .object(members)
        }
        let language = "@language"
        let identifierDetail = term(
            "mc:identifierDetail",
            context: [
                JSONMember("notation", term("skos:notation")), JSONMember("schemeName", term("elm:schemeName")),
                JSONMember("schemeAgency", term("adms:schemeAgency")),
            ])
        let creditContext: [JSONMember] = [
            JSONMember("framework", term("elm:framework", type: "@id")), JSONMember("point", term("elm:point")),
        ]
        return .object([
            JSONMember("@version", .number("1.1")),
            JSONMember("elm", "http://data.europa.eu/snb/model/elm/"),
            JSONMember("dc", "http://purl.org/dc/terms/"),
            JSONMember("skos", "http://www.w3.org/2004/02/skos/core#"),
            JSONMember("foaf", "http://xmlns.com/foaf/0.1/"),
            JSONMember("rov", "http://www.w3.org/ns/regorg#"),
            JSONMember("adms", "http://www.w3.org/ns/adms#"),
            JSONMember("xsd", "http://www.w3.org/2001/XMLSchema#"),
            JSONMember("mc", .string(namespace)),
            // Credential
            JSONMember(Term.credentialProfiles, term("elm:credentialProfiles")),
            JSONMember(Term.additionalNote, term("elm:additionalNote", container: language)),
            JSONMember(Term.awardingBody, term("elm:awardingBody")),
            JSONMember(Term.otherIdentifier, term(OB3Vocabulary.vocabulary + "otherIdentifier")),
            JSONMember(Term.identifierDetail, identifierDetail),
            JSONMember(Term.dateOnly, term("mc:dateOnly", container: "@set")),
            JSONMember(
                Term.localized,
                term(
                    "mc:localized",
                    context: [
                        JSONMember("name", term("https://schema.org/name", container: language)),
                        JSONMember("description", term("https://schema.org/description", container: language)),
                        JSONMember("narrative", term(OB3Vocabulary.vocabulary + "narrative", container: language)),
                    ])),
            JSONMember(
                Term.sourceField,
                term(
                    "mc:sourceField",
                    context: [
                        JSONMember("format", term("mc:sourceFormat")), JSONMember("path", term("mc:sourcePath")),
                        JSONMember("value", term("mc:sourceValue", type: "@json")),
                    ])),
            // Learner
            JSONMember(Term.givenName, term("foaf:givenName")),
            JSONMember(Term.familyName, term("foaf:familyName")),
            JSONMember(Term.dateOfBirth, term("elm:dateOfBirth", type: "xsd:date")),
            JSONMember(Term.citizenshipCountry, term("elm:citizenshipCountry")),
            JSONMember(Term.creditReceived, term("elm:creditReceived", context: creditContext)),
            JSONMember(Term.gradeStatus, term("elm:gradeStatus")),
            // Achievement
            JSONMember(
                Term.learningOutcome,
                term(
                    "elm:learningOutcome",
                    context: [
                        JSONMember("title", term("dc:title", container: language)),
                        JSONMember("relatedESCOSkill", term("elm:relatedESCOSkill", type: "@id")),
                    ])),
            JSONMember(Term.volumeOfLearning, term("elm:volumeOfLearning", type: "xsd:duration")),
            JSONMember(Term.creditPoint, term("elm:creditPoint", context: creditContext)),
            JSONMember(Term.mode, term("elm:mode")),
            JSONMember(Term.learningSetting, term("elm:learningSetting")),
            JSONMember(Term.assessmentType, term("mc:assessmentType")),
            JSONMember(Term.assessmentDescription, term("mc:assessmentDescription", container: language)),
            JSONMember(Term.idVerification, term("elm:idVerification")),
            JSONMember(
                Term.accreditation,
                term(
                    "elm:accreditation",
                    context: [
                        JSONMember("dcType", term("dc:type")), JSONMember("accreditingAgent", term("elm:accreditingAgent")),
                        JSONMember("notation", term("skos:notation")),
                        JSONMember("description", term("dc:description", container: language)),
                    ])),
            JSONMember(Term.entryRequirement, term("elm:entryRequirement", container: language)),
            JSONMember(Term.isPartOf, term("elm:isPartOf", type: "@id")),
            JSONMember(Term.hasPart, term("elm:hasPart", type: "@id")),
            JSONMember(Term.stackability, term("mc:stackability", container: language)),
            JSONMember(Term.eqfLevel, term("elm:EQFLevel")),
            JSONMember(
                Term.nqfLevel,
                term(
                    "elm:NQFLevel",
                    context: [
                        JSONMember("inScheme", term("skos:inScheme")), JSONMember("notation", term("skos:notation")),
                    ])),
            JSONMember(Term.qfEheaCycle, term("mc:qfEheaCycle")),
            JSONMember(Term.thematicArea, term("elm:ISCEDFCode")),
            JSONMember(Term.language, term("dc:language")),
            JSONMember(Term.homepage, term("foaf:homepage", type: "@id")),
            JSONMember(Term.otherAlignment, term("mc:otherAlignment")),
            // Organisation
            JSONMember(Term.legalName, term("rov:legalName", container: language)),
        ])
    }()

    /// The context with only the prefixes and the terms in `terms`, a set of term bits (the inline
    /// form: every document carries what it needs and no more; see ``usedTerms(in:)``).
    static func context(forTerms terms: UInt64) -> JSONValue {
        .object(contextEntries.filter { $0.term == 0 || terms & $0.term != 0 }.map(\.member))
    }

    /// The set of term bits of the defined terms that are member names somewhere in `document`.
    static func usedTerms(in document: JSONValue) -> UInt64 {
        var used: UInt64 = 0
        document.collectMemberNames(listedIn: termIndex, notInside: contextKeyPosition, into: &used)
        return used
    }

    /// A writer of compact JSON that notes the terms it writes (``JSONByteWriter/namesWritten``
    /// is then the set of term bits ``usedTerms(in:)`` finds in the same document).
    static func termNotingWriter() -> JSONByteWriter {
        JSONByteWriter(noting: termIndex, notInside: contextKeyPosition)
    }

    /// The terms the context defines (its object-valued members; the others are prefixes and
    /// settings, always kept), found by position; there are fewer than 64. After them comes
    /// `@context`, whose members are not looked into.
    private static let termIndex: FixedStringIndex = {
        precondition(terms.count <= 64, "the extension defines more terms than a 64-bit set holds")
        return FixedStringIndex(terms + ["@context"])
    }()

    /// The position of `@context` in ``termIndex``, just past the terms.
    private static let contextKeyPosition = terms.count

    private static let terms: [String] = {
        guard case .object(let members) = context else { return [] }
        return members.filter(\.value.isObject).map(\.key)
    }()

    /// The members of ``context`` in order, each term with its bit in the set of used terms
    /// (0 for the prefixes and settings, always kept).
    private static let contextEntries: [(term: UInt64, member: JSONMember)] = {
        guard case .object(let members) = context else { return [] }
        return members.map { member in (terms.firstIndex(of: member.key).map { UInt64(1) << UInt64($0) } ?? 0, member) }
    }()

    /// The extension's member names.
    enum Term {
        static let credentialProfiles = "credentialProfiles"
        static let additionalNote = "additionalNote"
        static let awardingBody = "awardingBody"
        static let otherIdentifier = "otherIdentifier"
        static let identifierDetail = "identifierDetail"
        static let dateOnly = "dateOnly"
        static let localized = "localized"
        static let sourceField = "sourceField"
        static let givenName = "givenName"
        static let familyName = "familyName"
        static let dateOfBirth = "dateOfBirth"
        static let citizenshipCountry = "citizenshipCountry"
        static let creditReceived = "creditReceived"
        static let gradeStatus = "gradeStatus"
        static let learningOutcome = "learningOutcome"
        static let volumeOfLearning = "volumeOfLearning"
        static let creditPoint = "creditPoint"
        static let mode = "mode"
        static let learningSetting = "learningSetting"
        static let assessmentType = "assessmentType"
        static let assessmentDescription = "assessmentDescription"
        static let idVerification = "idVerification"
        static let accreditation = "accreditation"
        static let entryRequirement = "entryRequirement"
        static let isPartOf = "isPartOf"
        static let hasPart = "hasPart"
        static let stackability = "stackability"
        static let eqfLevel = "eqfLevel"
        static let nqfLevel = "nqfLevel"
        static let qfEheaCycle = "qfEheaCycle"
        static let thematicArea = "thematicArea"
        static let language = "language"
        static let homepage = "homepage"
        static let otherAlignment = "otherAlignment"
        static let legalName = "legalName"
    }

    /// Whether an `@context` entry is this extension's context: the inline object, or a URL whose
    /// last path segment is ``contextFileName`` or that equals `configuredURL`.
    static func isExtensionContext(_ entry: JSONValue, configuredURL: String? = nil) -> Bool {
        switch entry {
        case .string(let url):
            return url == configuredURL || url.hasSuffix("/" + contextFileName)
        case .object:
            return entry["mc"]?.stringValue == namespace
        default:
            return false
        }
    }
}
