/// The specification of what was learned: outcomes, level, workload, assessment, participation,
/// quality assurance (a learning specification in ELM, an Achievement / BadgeClass in Open Badges).
public struct Achievement: Hashable, Sendable, Codable, EmptyRepresentable {
    public var id: String?
    @OmitEmpty public var otherIdentifiers: [Identifier]
    public var title: LocalizedText?
    public var description: LocalizedText?
    /// The kind of achievement (`MicroCredential`, `Course`, `Certificate`, an extension value…).
    public var achievementType: String?
    /// Annex I: learning outcomes.
    @OmitEmpty public var learningOutcomes: [LearningOutcome]
    /// 2020 draft list: field of education, ISCED-F 2013 codes (4-digit detailed codes keep
    /// their leading zero, `0613`).
    @OmitEmpty public var iscedFields: [String]
    /// Annex I: level.
    @OmitEmpty public var level: Level
    /// Annex I: notional workload.
    @OmitEmpty public var workload: Workload
    /// Annex I: form of participation.
    @OmitEmpty public var participation: Participation
    /// Annex I: type of assessment; optional element: supervision and identity verification.
    @OmitEmpty public var assessment: Assessment
    /// Annex I: type of quality assurance.
    @OmitEmpty public var qualityAssurance: [QualityAssurance]
    /// Optional element: prerequisites needed to enrol.
    public var prerequisites: LocalizedText?
    /// Languages of instruction / assessment, ISO 639-1 codes where known.
    @OmitEmpty public var languages: [String]
    public var criteria: Criteria?
    /// An image: a URL or a `data:` URI.
    public var image: String?
    @OmitEmpty public var tags: [String]
    /// Alignments to external frameworks (ESCO skills, occupational standards…).
    @OmitEmpty public var alignments: [Alignment]
    /// Optional element: integration / stackability options.
    @OmitEmpty public var stacking: Stacking
    /// A page that describes the achievement.
    public var homepage: String?

    public init(
        id: String? = nil, otherIdentifiers: [Identifier] = [], title: LocalizedText? = nil,
        description: LocalizedText? = nil, achievementType: String? = nil, learningOutcomes: [LearningOutcome] = [],
        iscedFields: [String] = [], level: Level = Level(), workload: Workload = Workload(),
        participation: Participation = Participation(), assessment: Assessment = Assessment(),
        qualityAssurance: [QualityAssurance] = [], prerequisites: LocalizedText? = nil, languages: [String] = [],
        criteria: Criteria? = nil, image: String? = nil, tags: [String] = [], alignments: [Alignment] = [],
        stacking: Stacking = Stacking(), homepage: String? = nil
    ) {
        self.id = id
        self.otherIdentifiers = otherIdentifiers
        self.title = title
        self.description = description
        self.achievementType = achievementType
        self.learningOutcomes = learningOutcomes
        self.iscedFields = iscedFields
        self.level = level
        self.workload = workload
        self.participation = participation
        self.assessment = assessment
        self.qualityAssurance = qualityAssurance
        self.prerequisites = prerequisites
        self.languages = languages
        self.criteria = criteria
        self.image = image
        self.tags = tags
        self.alignments = alignments
        self.stacking = stacking
        self.homepage = homepage
    }
}

/// One learning outcome, optionally tied to an ESCO skill.
public struct LearningOutcome: Hashable, Sendable, Codable {
    public var id: String?
    public var text: LocalizedText
    /// The ESCO skill IRI (`http://data.europa.eu/esco/skill/…`), when the source gives one.
    public var escoSkill: String?

    public init(id: String? = nil, text: LocalizedText, escoSkill: String? = nil) {
        self.id = id
        self.text = text
        self.escoSkill = escoSkill
    }
}

/// A level in a qualifications framework.
public struct Level: Hashable, Sendable, Codable, EmptyRepresentable {
    /// European Qualifications Framework level, 1–8.
    public var eqf: Int?
    /// National qualifications framework levels.
    @OmitEmpty public var nqf: [NQFLevel]
    /// The QF-EHEA cycle where applicable.
    public var qfEhea: QFEHEACycle?

    public init(eqf: Int? = nil, nqf: [NQFLevel] = [], qfEhea: QFEHEACycle? = nil) {
        self.eqf = eqf
        self.nqf = nqf
        self.qfEhea = qfEhea
    }

    /// Whether any level is given.
    public var isEmpty: Bool { eqf == nil && nqf.isEmpty && qfEhea == nil }
}

/// A level in a national framework (`DQR 6`, `NLQF 5`).
public struct NQFLevel: Hashable, Sendable, Codable {
    /// The framework: a name or the IRI of its concept scheme.
    public var framework: String
    public var value: String

    public init(framework: String, value: String) {
        self.framework = framework
        self.value = value
    }
}

/// A cycle of the Qualifications Framework of the European Higher Education Area.
public enum QFEHEACycle: String, Hashable, Sendable, Codable, CaseIterable {
    case shortCycle = "short"
    case first
    case second
    case third

    /// The EQF level the cycle corresponds to (5, 6, 7, 8).
    public var eqfLevel: Int {
        switch self {
        case .shortCycle: 5
        case .first: 6
        case .second: 7
        case .third: 8
        }
    }
}

/// Notional workload: hours of learning and credit points.
public struct Workload: Hashable, Sendable, Codable, EmptyRepresentable {
    /// Notional learning hours.
    public var hours: DecimalNumber?
    /// Credit points in one or more systems (ECTS first where given).
    @OmitEmpty public var credits: [CreditPoints]

    public init(hours: DecimalNumber? = nil, credits: [CreditPoints] = []) {
        self.hours = hours
        self.credits = credits
    }

    /// Whether any workload is given.
    public var isEmpty: Bool { hours == nil && credits.isEmpty }

    /// The ECTS points, when given.
    public var ects: DecimalNumber? { credits.first { $0.framework == CreditPoints.ects }?.points }
}

/// A quantity of credit points in a named system.
public struct CreditPoints: Hashable, Sendable, Codable {
    /// The framework id used for the European Credit Transfer and Accumulation System.
    public static let ects = "ECTS"

    /// `ECTS`, `ECVET`, or another system's name or IRI.
    public var framework: String
    public var points: DecimalNumber

    public init(framework: String = CreditPoints.ects, points: DecimalNumber) {
        self.framework = framework
        self.points = points
    }
}

/// Form of participation.
public struct Participation: Hashable, Sendable, Codable, EmptyRepresentable {
    /// Mode of learning: the Europass learning-mode concept IRI
    /// (`http://data.europa.eu/snb/learning-assessment/920fbb3cbe` for online) once normalised;
    /// before that, the source's wording (`online`, `Präsenz`, `hybrid`).
    public var mode: String?
    /// Learning setting: the Europass concept IRI for formal or non-formal learning once
    /// normalised; before that, the source's wording.
    public var setting: String?

    public init(mode: String? = nil, setting: String? = nil) {
        self.mode = mode
        self.setting = setting
    }

    /// Whether nothing is given.
    public var isEmpty: Bool { mode == nil && setting == nil }
}

/// How learning was assessed.
public struct Assessment: Hashable, Sendable, Codable, EmptyRepresentable {
    /// Annex I: type of assessment: the Europass assessment-type concept IRI once normalised, the
    /// source's wording before.
    public var type: String?
    /// Optional element: supervision and identity verification: the Europass
    /// supervision-verification concept IRI once normalised, the source's wording before.
    public var supervision: String?
    public var description: LocalizedText?

    public init(type: String? = nil, supervision: String? = nil, description: LocalizedText? = nil) {
        self.type = type
        self.supervision = supervision
        self.description = description
    }
}

/// Quality assurance applied to the credential (Annex I: type of quality assurance).
public struct QualityAssurance: Hashable, Sendable, Codable {
    /// The kind of quality assurance (an accreditation type concept or a description).
    public var type: String?
    /// The body that performed it.
    public var body: Organisation?
    /// A reference: an accreditation id, decision number or URL.
    public var reference: String?
    public var description: LocalizedText?

    public init(
        type: String? = nil, body: Organisation? = nil, reference: String? = nil, description: LocalizedText? = nil
    ) {
        self.type = type
        self.body = body
        self.reference = reference
        self.description = description
    }
}

/// How the achievement is recognised as met.
public struct Criteria: Hashable, Sendable, Codable {
    public var narrative: LocalizedText?
    public var url: String?

    public init(narrative: LocalizedText? = nil, url: String? = nil) {
        self.narrative = narrative
        self.url = url
    }
}

/// An alignment to an item of an external framework.
public struct Alignment: Hashable, Sendable, Codable {
    public var targetName: String
    public var targetUrl: String?
    public var targetFramework: String?
    public var targetCode: String?
    /// `ceasn:Competency`, `CFItem`, an ESCO type…
    public var targetType: String?
    public var targetDescription: String?

    public init(
        targetName: String, targetUrl: String? = nil, targetFramework: String? = nil, targetCode: String? = nil,
        targetType: String? = nil, targetDescription: String? = nil
    ) {
        self.targetName = targetName
        self.targetUrl = targetUrl
        self.targetFramework = targetFramework
        self.targetCode = targetCode
        self.targetType = targetType
        self.targetDescription = targetDescription
    }
}

/// Integration / stackability: how this achievement relates to larger (or smaller) ones.
public struct Stacking: Hashable, Sendable, Codable, EmptyRepresentable {
    /// Identifiers of larger credentials or programmes this is part of.
    @OmitEmpty public var isPartOf: [String]
    /// Identifiers of smaller achievements this one contains.
    @OmitEmpty public var hasPart: [String]
    /// Free-text stackability options.
    public var note: LocalizedText?

    public init(isPartOf: [String] = [], hasPart: [String] = [], note: LocalizedText? = nil) {
        self.isPartOf = isPartOf
        self.hasPart = hasPart
        self.note = note
    }

    /// Whether nothing is given.
    public var isEmpty: Bool { isPartOf.isEmpty && hasPart.isEmpty && note == nil }
}

extension Achievement {
    /// An achievement that gives nothing (made once: `isEmpty` is asked of every credential).
    public static let empty = Achievement()
    public var isEmpty: Bool { self == .empty }
}

extension Level {
    public static var empty: Level { Level() }
}

extension Workload {
    public static var empty: Workload { Workload() }
}

extension Participation {
    public static var empty: Participation { Participation() }
}

extension Assessment {
    public static var empty: Assessment { Assessment() }
    public var isEmpty: Bool { self == .empty }
}

extension Stacking {
    public static var empty: Stacking { Stacking() }
}
