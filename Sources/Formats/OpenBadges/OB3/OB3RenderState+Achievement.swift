import MicrocredModel

extension OB3RenderState {
    /// Writes the members of the Achievement of `credential` into the open object: what was
    /// learned, with the EU elements in their natural OB 3.0 slots and the rest in extension
    /// members.
    mutating func composeAchievement<Output: JSONContentSink & ~Copyable>(_ credential: Credential, into output: inout Output) {
        let achievement = credential.achievement
        let badgeClass = options.migrateOB2 ? LegacyMarkers.value(LegacyMarkers.badgeClass, in: achievement.otherIdentifiers) : nil
        let id: String
        if let badgeClass, achievement.id == nil || achievement.id == badgeClass {
            id = OB3DerivedIDs.migratedAchievement(fromBadgeClass: badgeClass)
        } else {
            id = achievement.id ?? OB3DerivedIDs.achievement(credentialID: credentialID)
        }
        output.put("id", string: id)
        output.put("type", badgeClass == nil ? Self.achievementObjectType : .array(["Achievement", .string(OB3Vocabulary.ob2BadgeClass)]))
        output.put("achievementType", string: Self.achievementType(achievement.achievementType))
        let title = achievement.title ?? credential.title
        let name = title?.primary ?? ""
        output.put("name", string: name)
        output.put("description", string: achievement.description?.primary ?? name)
        output.openObject("criteria")
        if let given = achievement.criteria {
            output.add("id", string: given.url)
            output.add("narrative", string: given.narrative?.primary)
            if let localized = LocalizedMember.member([("narrative", given.narrative)]) {
                usesExtension = true
                output.put(localized.key, localized.value)
            }
        } else {
            output.put("narrative", string: Self.derivedCriteria(achievement, name: name))
        }
        output.close()
        if let image = achievement.image { output.put("image", .object([JSONMember("id", .string(image)), JSONMember("type", "Image")])) }
        let languages = achievement.languages
        let inLanguage = languages.first.flatMap { OB3Vocabulary.isSchemaLanguageTag($0) ? $0 : nil }
        output.add("inLanguage", string: inLanguage)
        output.add("tag", nonEmpty: achievement.tags.map { .string($0) })
        let layout = AlignmentLayout.layout(achievement)
        if !layout.native.isEmpty {
            output.openArray("alignment")
            for alignment in layout.native { AlignmentLayout.compose(alignment, typed: true, into: &output) }
            output.close()
        }
        let credits = CreditCoding.encode(achievement.workload.credits, plainFramework: OB3Vocabulary.creditsAvailableFramework)
        output.add("creditsAvailable", credits.number)
        if !achievement.iscedFields.isEmpty {
            output.put("fieldOfStudy", string: achievement.iscedFields.map(EUAlignment.iscedName).joined(separator: ", "))
        }
        let identifiers = achievement.otherIdentifiers.filter { badgeClass == nil || !LegacyMarkers.isMarker($0) }
        let coded = IdentifierCoding.encode(identifiers)
        output.add("otherIdentifier", nonEmpty: coded.entries)
        if let badgeClass {
            output.put(
                "related",
                .array([
                    .object([
                        JSONMember("id", .string(badgeClass)), JSONMember("type", .array(["Related", .string(OB3Vocabulary.ob2BadgeClass)])),
                        JSONMember("version", "Open Badges v2p0"),
                    ])
                ]))
        }
        if let result = credential.result, let scheme = result.gradingScheme {
            output.put(
                "resultDescription",
                .array([
                    .object([
                        JSONMember("id", .string(OB3DerivedIDs.resultDescription(credentialID: credentialID))),
                        JSONMember("type", .array(["ResultDescription"])), JSONMember("name", .string(scheme)),
                        JSONMember("resultType", "Result"),
                    ])
                ]))
        }
        // The extension members, written as they are made.
        addExtensionMembers(layout.extensionMembers, to: &output)
        if let list = credits.list { putExtensionMember(MicrocredExtension.Term.creditPoint, list, to: &output) }
        if languages.count > 1 || (languages.count == 1 && inLanguage == nil) {
            putExtensionMember(MicrocredExtension.Term.language, .array(languages.map { .string($0) }), to: &output)
        }
        var agents = 0
        let wroteMembers = AchievementExtension.compose(achievement, into: &output) { organisation in
            agents += 1
            return self.profile(organisation, role: "accreditingAgent/\(agents)", requiresID: false)
        }
        if wroteMembers { usesExtension = true }
        if !coded.details.isEmpty { putExtensionMember(MicrocredExtension.Term.identifierDetail, .array(coded.details), to: &output) }
        var localizedFields: [(name: String, text: LocalizedText?)] = [("name", title)]
        if let description = achievement.description { localizedFields.append(("description", description)) }
        if let localized = LocalizedMember.member(localizedFields) { putExtensionMember(localized.key, localized.value, to: &output) }
    }

    private static let achievementObjectType: JSONValue = .array(["Achievement"])

    /// The OB 3.0 achievement type: a defined value as is, another value as `ext:<value>`,
    /// `MicroCredential` when the record states none.
    static func achievementType(_ type: String?) -> String {
        guard let type, !type.isEmpty else { return OB3Vocabulary.defaultAchievementType }
        if OB3Vocabulary.achievementTypes.contains(type) { return type }
        if type.hasPrefix("ext:"), IdentifierTypes.isExtensionName(String(type.dropFirst(4))) { return type }
        return "ext:" + IdentifierTypes.extensionName(from: type)
    }

    /// The criteria narrative written when the record has no criteria: the learning outcomes as a
    /// Markdown list, else the description, else the name.
    static func derivedCriteria(_ achievement: Achievement, name: String) -> String {
        var list = ""
        for outcome in achievement.learningOutcomes {
            guard let text = outcome.text.primary else { continue }
            list += list.isEmpty ? "- " : "\n- "
            list += text
        }
        return list.isEmpty ? achievement.description?.primary ?? name : list
    }
}
