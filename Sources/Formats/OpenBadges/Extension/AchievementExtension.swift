import MicrocredModel
import MicrocredPipeline

/// The achievement-level extension members that have no native counterpart: notional workload in
/// hours, form of participation, type of assessment, supervision and identity verification,
/// quality assurance, prerequisites, stackability, national and QF-EHEA levels, homepage.
enum AchievementExtension {
    typealias Term = MicrocredExtension.Term

    /// The members for `achievement`; `profile` writes an organisation.
    static func members(_ achievement: Achievement, profile: (Organisation) -> JSONValue) -> [JSONMember] {
        var builder = JSONTreeBuilder()
        builder.openObject(nil)
        compose(achievement, into: &builder, profile: profile)
        builder.close()
        return builder.value.objectValue ?? []
    }

    /// Writes the members for `achievement` into the open object; returns whether there were any.
    @discardableResult
    static func compose<Output: JSONContentSink & ~Copyable>(
        _ achievement: Achievement, into output: inout Output, profile: (Organisation) -> JSONValue
    ) -> Bool {
        var wrote = false
        func put(_ key: String, _ value: JSONValue?) {
            guard let value else { return }
            output.put(key, value)
            wrote = true
        }
        func put(_ key: String, string: String?) {
            guard let string else { return }
            output.put(key, string: string)
            wrote = true
        }
        if let hours = achievement.workload.hours { put(Term.volumeOfLearning, string: "PT\(hours.description)H") }
        put(Term.mode, string: achievement.participation.mode)
        put(Term.learningSetting, string: achievement.participation.setting)
        put(Term.assessmentType, string: achievement.assessment.type)
        put(Term.assessmentDescription, achievement.assessment.description.map(LocalizedJSON.encode))
        put(Term.idVerification, string: achievement.assessment.supervision)
        if !achievement.qualityAssurance.isEmpty {
            output.openArray(Term.accreditation)
            for assurance in achievement.qualityAssurance {
                output.openObject(nil)
                output.add("dcType", string: assurance.type)
                output.add("accreditingAgent", assurance.body.map(profile))
                output.add("notation", string: assurance.reference)
                output.add("description", assurance.description.map(LocalizedJSON.encode))
                output.close()
            }
            output.close()
            wrote = true
        }
        put(Term.entryRequirement, achievement.prerequisites.map(LocalizedJSON.encode))
        if !achievement.stacking.isPartOf.isEmpty { put(Term.isPartOf, .array(achievement.stacking.isPartOf.map { .string($0) })) }
        if !achievement.stacking.hasPart.isEmpty { put(Term.hasPart, .array(achievement.stacking.hasPart.map { .string($0) })) }
        put(Term.stackability, achievement.stacking.note.map(LocalizedJSON.encode))
        if !achievement.level.nqf.isEmpty {
            put(
                Term.nqfLevel,
                .array(
                    achievement.level.nqf.map {
                        .object([JSONMember("inScheme", .string($0.framework)), JSONMember("notation", .string($0.value))])
                    }))
        }
        put(Term.qfEheaCycle, string: achievement.level.qfEhea?.rawValue)
        put(Term.homepage, string: achievement.homepage)
        return wrote
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
