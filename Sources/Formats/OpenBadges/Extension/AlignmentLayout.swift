import MicrocredModel

/// How an achievement's EU alignments, learning outcomes and other alignments are laid out in
/// Open Badges, and read back.
///
/// Written in this order: the EQF level, the ISCED-F fields, the ESCO skills of the learning
/// outcomes, then the other alignments. Whatever alignments cannot say exactly goes into extension
/// members that then are authoritative on reading: `learningOutcome` (an outcome without an ESCO
/// skill, with language tags or an id), `otherAlignment` (an alignment without a URL, or one whose
/// URL is an EU concept), `thematicArea` (an ISCED-F code that is not 2–4 digits), `eqfLevel` (a
/// level outside 1–8).
enum AlignmentLayout {
    /// The native alignments and the extension members for `achievement`.
    static func layout(_ achievement: Achievement) -> (native: [Alignment], extensionMembers: [JSONMember]) {
        var native: [Alignment] = []
        var members: [JSONMember] = []
        if let eqf = achievement.level.eqf {
            if (1...8).contains(eqf) {
                native.append(EUAlignment.eqf(eqf))
            } else {
                members.append(JSONMember(MicrocredExtension.Term.eqfLevel, .integer(eqf)))
            }
        }
        let codes = achievement.iscedFields
        if !codes.allSatisfy(EUAlignment.isFieldCode) {
            members.append(JSONMember(MicrocredExtension.Term.thematicArea, .array(codes.map { .string($0) })))
        }
        for code in codes where EUAlignment.isFieldCode(code) {
            native.append(EUAlignment.isced(code))
        }
        let outcomes = achievement.learningOutcomes
        if outcomes.contains(where: needsOutcomeExtension) {
            members.append(JSONMember(MicrocredExtension.Term.learningOutcome, .array(outcomes.map(outcomeJSON))))
        }
        for outcome in outcomes where EUAlignment.kind(ofTargetURL: outcome.escoSkill) == .escoSkill {
            if let alignment = EUAlignment.esco(outcome) { native.append(alignment) }
        }
        let others = achievement.alignments
        if others.contains(where: { $0.targetUrl == nil || EUAlignment.kind(ofTargetURL: $0.targetUrl) != .other }) {
            members.append(JSONMember(MicrocredExtension.Term.otherAlignment, .array(others.map { json($0, typed: true) })))
        }
        native.append(contentsOf: others.filter { $0.targetUrl != nil })
        return (native, members)
    }

    /// Reads alignments back: `native` in source order, extension members from `object`.
    static func read(native: [Alignment], object: JSONValue, into achievement: inout Achievement) {
        typealias Term = MicrocredExtension.Term
        var remaining = native
        func removeRendition(_ alignment: Alignment) {
            if let index = remaining.firstIndex(where: { $0.targetUrl == alignment.targetUrl && $0.targetName == alignment.targetName }) {
                remaining.remove(at: index)
            }
        }
        if let others = object[Term.otherAlignment] {
            achievement.alignments = others.listValue.compactMap(alignment)
            for other in achievement.alignments where other.targetUrl != nil { removeRendition(other) }
        }
        let hasOutcomes = object[Term.learningOutcome] != nil
        if let outcomes = object[Term.learningOutcome] {
            achievement.learningOutcomes = outcomes.listValue.compactMap(outcome)
            for outcome in achievement.learningOutcomes where EUAlignment.kind(ofTargetURL: outcome.escoSkill) == .escoSkill {
                if let rendition = EUAlignment.esco(outcome) { removeRendition(rendition) }
            }
        }
        let hasThematicArea = object[Term.thematicArea] != nil
        if let codes = object[Term.thematicArea] {
            achievement.iscedFields = codes.strings
            for code in achievement.iscedFields { removeRendition(EUAlignment.isced(code)) }
        }
        let hasEQFExtension = object[Term.eqfLevel] != nil
        if let level = object[Term.eqfLevel], case .number(let lexeme) = level, let value = Int(lexeme) {
            achievement.level.eqf = value
        }
        for alignment in remaining {
            switch EUAlignment.kind(ofTargetURL: alignment.targetUrl) {
            case .eqf(let level) where achievement.level.eqf == nil && !hasEQFExtension:
                achievement.level.eqf = level
            case .isced(let code) where !hasThematicArea:
                achievement.iscedFields.append(code)
            case .escoSkill where !hasOutcomes:
                achievement.learningOutcomes.append(
                    LearningOutcome(text: LocalizedText(alignment.targetName), escoSkill: alignment.targetUrl))
            default:
                achievement.alignments.append(alignment)
            }
        }
    }

    private static func needsOutcomeExtension(_ outcome: LearningOutcome) -> Bool {
        outcome.id != nil || EUAlignment.kind(ofTargetURL: outcome.escoSkill) != .escoSkill
            || LocalizedJSON.needsLanguageMap(outcome.text)
    }

    private static func outcomeJSON(_ outcome: LearningOutcome) -> JSONValue {
        var builder = JSONObjectBuilder()
        builder.add("id", string: outcome.id)
        builder.add("title", LocalizedJSON.encode(outcome.text))
        builder.add("relatedESCOSkill", string: outcome.escoSkill)
        return builder.value
    }

    private static func outcome(_ value: JSONValue) -> LearningOutcome? {
        guard let text = value["title"].flatMap(LocalizedJSON.decode) else { return nil }
        return LearningOutcome(id: value["id"]?.stringValue, text: text, escoSkill: value["relatedESCOSkill"]?.stringValue)
    }

    /// The JSON of an alignment; `typed` adds the OB 3.0 `type`.
    static func json(_ alignment: Alignment, typed: Bool) -> JSONValue {
        var builder = JSONTreeBuilder()
        compose(alignment, typed: typed, into: &builder)
        return builder.value
    }

    /// Writes ``json(_:typed:)`` as an element of the open array (or as the top value).
    static func compose<Output: JSONContentSink & ~Copyable>(_ alignment: Alignment, typed: Bool, into output: inout Output) {
        output.openObject(nil)
        if typed { output.put("type", alignmentType) }
        output.add("targetName", string: alignment.targetName)
        output.add("targetUrl", string: alignment.targetUrl)
        output.add("targetDescription", string: alignment.targetDescription)
        output.add("targetFramework", string: alignment.targetFramework)
        output.add("targetCode", string: alignment.targetCode)
        output.add("targetType", string: alignment.targetType)
        output.close()
    }

    private static let alignmentType: JSONValue = .array(["Alignment"])

    /// An alignment from JSON; `nil` without a `targetName`.
    static func alignment(_ value: JSONValue) -> Alignment? {
        guard let name = value["targetName"]?.stringValue else { return nil }
        return Alignment(
            targetName: name, targetUrl: value["targetUrl"]?.stringValue, targetFramework: value["targetFramework"]?.stringValue,
            targetCode: value["targetCode"]?.stringValue, targetType: value["targetType"]?.stringValue,
            targetDescription: value["targetDescription"]?.stringValue)
    }
}
