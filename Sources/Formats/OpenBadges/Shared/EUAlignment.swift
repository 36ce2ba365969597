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
        // Note: the prefixes are ASCII, so what follows one starts that many bytes in.
        func rest(after prefix: String) -> Substring? {
            guard url.hasPrefix(prefix) else { return nil }
            return url[url.utf8.index(url.utf8.startIndex, offsetBy: prefix.utf8.count)...]
        }
        if let level = rest(after: eqfPrefix).flatMap({ Int($0) }), (1...8).contains(level) { return .eqf(level) }
        if let code = rest(after: iscedPrefix), isFieldCode(code) { return .isced(String(code)) }
        if let skill = rest(after: escoSkillPrefix), !skill.isEmpty { return .escoSkill }
        return .other
    }

    /// Whether `code` is an ISCED-F field code an alignment can carry: two to four digits. (The
    /// URL of such a code's alignment is the only ISCED-F one ``kind(ofTargetURL:)`` recognises.)
    static func isFieldCode(_ code: some StringProtocol) -> Bool {
        (2...4).contains(code.utf8.count) && code.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The name written for an EQF level.
    static func eqfName(_ level: Int) -> String { "EQF level \(level)" }

    /// The name written for an ISCED-F field.
    static func iscedName(_ code: String) -> String { "ISCED-F \(code)" }

    /// The alignment fields for an EQF level: name, URL, framework, code.
    static func eqf(_ level: Int) -> Alignment {
        (1...8).contains(level) ? eqfLevels[level - 1] : makeEQF(level)
    }

    /// The alignments of the eight EQF levels, made once.
    private static let eqfLevels = (1...8).map(makeEQF)

    private static func makeEQF(_ level: Int) -> Alignment {
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
