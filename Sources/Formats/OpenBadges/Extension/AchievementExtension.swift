import MicrocredModel
import MicrocredPipeline

/// The achievement-level extension members that have no native counterpart: notional workload in
/// hours, form of participation, type of assessment, supervision and identity verification,
/// quality assurance, prerequisites, stackability, national and QF-EHEA levels, homepage.
enum AchievementExtension {
    typealias Term = MicrocredExtension.Term

    /// The members for `achievement`; `profile` writes an organisation.
    static func members(_ achievement: Achievement, profile: (Organisation) -> JSONValue) -> [JSONMember] {
        var builder = JSONObjectBuilder()
        if let hours = achievement.workload.hours { builder.add(Term.volumeOfLearning, string: "PT\(hours.description)H") }
        builder.add(Term.mode, string: achievement.participation.mode)
        builder.add(Term.learningSetting, string: achievement.participation.setting)
        builder.add(Term.assessmentType, string: achievement.assessment.type)
        builder.add(Term.assessmentDescription, achievement.assessment.description.map(LocalizedJSON.encode))
        builder.add(Term.idVerification, string: achievement.assessment.supervision)
        builder.add(
            Term.accreditation,
            nonEmpty: achievement.qualityAssurance.map { assurance in
                var entry = JSONObjectBuilder()
                entry.add("dcType", string: assurance.type)
                entry.add("accreditingAgent", assurance.body.map(profile))
                entry.add("notation", string: assurance.reference)
                entry.add("description", assurance.description.map(LocalizedJSON.encode))
                return entry.value
            })
        builder.add(Term.entryRequirement, achievement.prerequisites.map(LocalizedJSON.encode))
        builder.add(Term.isPartOf, nonEmpty: achievement.stacking.isPartOf.map { .string($0) })
        builder.add(Term.hasPart, nonEmpty: achievement.stacking.hasPart.map { .string($0) })
        builder.add(Term.stackability, achievement.stacking.note.map(LocalizedJSON.encode))
        builder.add(
            Term.nqfLevel,
            nonEmpty: achievement.level.nqf.map {
                .object([JSONMember("inScheme", .string($0.framework)), JSONMember("notation", .string($0.value))])
            })
        builder.add(Term.qfEheaCycle, string: achievement.level.qfEhea?.rawValue)
        builder.add(Term.homepage, string: achievement.homepage)
        return builder.members
    }

    /// Reads the members of `object` into `achievement`; `profile` reads an organisation.
    static func read(
        _ object: JSONValue, into achievement: inout Achievement, pointer: String, profile: (JSONValue) -> Organisation?,
        diagnostics: inout [Diagnostic]
    ) {
        if let text = object[Term.volumeOfLearning]?.stringValue {
            if let hours = hours(fromDuration: text) {
                achievement.workload.hours = hours
            } else {
                diagnostics.append(
                    .warning(
                        "openbadges.invalid-workload", "volumeOfLearning '\(text)' is not a duration in hours such as 'PT60H'",
                        hint: "it is kept as given", field: JSONPointer.appending(pointer, Term.volumeOfLearning)))
            }
        }
        achievement.participation.mode = object[Term.mode]?.stringValue
        achievement.participation.setting = object[Term.learningSetting]?.stringValue
        achievement.assessment.type = object[Term.assessmentType]?.stringValue
        achievement.assessment.description = object[Term.assessmentDescription].flatMap(LocalizedJSON.decode)
        achievement.assessment.supervision = object[Term.idVerification]?.stringValue
        if let list = object[Term.accreditation] {
            achievement.qualityAssurance = list.listValue.map { entry in
                QualityAssurance(
                    type: entry["dcType"]?.stringValue, body: entry["accreditingAgent"].flatMap(profile),
                    reference: entry["notation"]?.stringValue, description: entry["description"].flatMap(LocalizedJSON.decode))
            }
        }
        achievement.prerequisites = object[Term.entryRequirement].flatMap(LocalizedJSON.decode)
        achievement.stacking.isPartOf = object[Term.isPartOf]?.strings ?? []
        achievement.stacking.hasPart = object[Term.hasPart]?.strings ?? []
        achievement.stacking.note = object[Term.stackability].flatMap(LocalizedJSON.decode)
        if let list = object[Term.nqfLevel] {
            achievement.level.nqf = list.listValue.compactMap { entry in
                guard let framework = entry["inScheme"]?.stringValue, let value = entry["notation"]?.stringValue else { return nil }
                return NQFLevel(framework: framework, value: value)
            }
        }
        if let cycle = object[Term.qfEheaCycle]?.stringValue { achievement.level.qfEhea = QFEHEACycle(rawValue: cycle) }
        achievement.homepage = object[Term.homepage]?.stringValue
    }

    /// The hours of an ISO 8601 duration `PT<decimal>H`.
    static func hours(fromDuration text: String) -> DecimalNumber? {
        guard text.hasPrefix("PT"), text.hasSuffix("H"), text.count > 3 else { return nil }
        return DecimalNumber(text.dropFirst(2).dropLast())
    }
}
