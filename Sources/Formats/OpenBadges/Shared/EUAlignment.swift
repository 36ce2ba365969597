import MicrocredModel

/// The alignments that carry EU elements in Open Badges: the EQF level, ISCED-F fields of
/// education and ESCO skills, each recognised by the EU concept IRI in `targetUrl`.
enum EUAlignment {
    static let eqfPrefix = "http://data.europa.eu/snb/eqf/"
    static let iscedPrefix = "http://data.europa.eu/snb/isced-f/"
    static let escoSkillPrefix = "http://data.europa.eu/esco/skill/"

    static let eqfFramework = "European Qualifications Framework"
    static let iscedFramework = "ISCED-F 2013"
    static let escoFramework = "ESCO"

    /// What an alignment stands for.
    enum Kind: Equatable {
        case eqf(Int)
        case isced(String)
        case escoSkill
        case other
    }

    /// The kind of an alignment with `targetUrl`.
    static func kind(ofTargetURL url: String?) -> Kind {
        guard let url else { return .other }
        if url.hasPrefix(eqfPrefix), let level = Int(url.dropFirst(eqfPrefix.count)), (1...8).contains(level) {
            return .eqf(level)
        }
        if url.hasPrefix(iscedPrefix) {
            let code = String(url.dropFirst(iscedPrefix.count))
            if (2...4).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isNumber }) { return .isced(code) }
        }
        if url.hasPrefix(escoSkillPrefix), url.count > escoSkillPrefix.count { return .escoSkill }
        return .other
    }

    /// The name written for an EQF level.
    static func eqfName(_ level: Int) -> String { "EQF level \(level)" }

    /// The name written for an ISCED-F field.
    static func iscedName(_ code: String) -> String { "ISCED-F \(code)" }

    /// The alignment fields for an EQF level: name, URL, framework, code.
    static func eqf(_ level: Int) -> Alignment {
        Alignment(targetName: eqfName(level), targetUrl: eqfPrefix + String(level), targetFramework: eqfFramework, targetCode: String(level))
    }

    /// The alignment fields for an ISCED-F field.
    static func isced(_ code: String) -> Alignment {
        Alignment(targetName: iscedName(code), targetUrl: iscedPrefix + code, targetFramework: iscedFramework, targetCode: code)
    }

    /// The alignment fields for a learning outcome's ESCO skill.
    static func esco(_ outcome: LearningOutcome) -> Alignment? {
        guard let skill = outcome.escoSkill, let name = outcome.text.primary else { return nil }
        return Alignment(targetName: name, targetUrl: skill, targetFramework: escoFramework)
    }
}
