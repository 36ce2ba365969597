import MicrocredModel
import MicrocredPipeline

/// Checks that an upgraded OB 3.0 credential is an achievement credential and that every object
/// in a typed position says it is what the position requires (`ob3.invalid-type`).
enum OB3TypeCheck {
    /// The kind of credential the document's `type` names.
    enum CredentialKind {
        case achievement
        case endorsement
        case other([String])
    }

    static func kind(of document: JSONValue) -> CredentialKind {
        let types = document["type"]?.strings ?? []
        if types.contains(OB3Vocabulary.openBadgeCredential) || types.contains(OB3Vocabulary.achievementCredential) {
            return .achievement
        }
        if types.contains(OB3Vocabulary.endorsementCredential) { return .endorsement }
        return .other(types)
    }

    /// Errors for a document that is not an achievement credential, or has mistyped objects, and
    /// warnings for missing parts.
    static func check(_ document: JSONValue) -> [Diagnostic] {
        switch kind(of: document) {
        case .achievement:
            break
        case .endorsement:
            return [
                .error(
                    "ob3.unsupported-credential-type", "an EndorsementCredential endorses another credential; it is not an achievement",
                    hint: "endorsements are kept with the credential they are embedded in", field: "/type")
            ]
        case .other(let types):
            return [
                .error(
                    "ob3.not-an-achievement-credential",
                    "type \(types.map { "'\($0)'" }.joined(separator: ", ")) names neither 'OpenBadgeCredential' nor 'AchievementCredential'",
                    hint: "only Open Badges 3.0 achievement credentials can be read as ob3", field: "/type")
            ]
        }
        var found: [Diagnostic] = []
        func expect(_ value: JSONValue?, _ type: String, at pointer: String) {
            guard let value, value.isObject else { return }
            let types = value["type"]?.strings ?? []
            guard !types.contains(type) else { return }
            let given = types.isEmpty ? "no type" : "type " + types.map { "'\($0)'" }.joined(separator: ", ")
            found.append(
                .error(
                    "ob3.invalid-type", "'\(pointer)' has \(given); OB 3.0 requires '\(type)' here",
                    hint: "correct the type or remove the object", field: pointer))
        }
        func expectEach(_ value: JSONValue?, _ type: String, at pointer: String, inner: (JSONValue, String) -> Void = { _, _ in }) {
            for (index, item) in (value?.listValue ?? []).enumerated() {
                let path = JSONPointer.appending(pointer, index)
                expect(item, type, at: path)
                inner(item, path)
            }
        }
        func profile(_ value: JSONValue?, at pointer: String) {
            guard let value, value.isObject else { return }
            expect(value, "Profile", at: pointer)
            expectEach(value["otherIdentifier"], "IdentifierEntry", at: pointer + "/otherIdentifier")
            profile(value["parentOrg"], at: pointer + "/parentOrg")
        }
        func alignments(_ value: JSONValue?, at pointer: String) {
            expectEach(value, "Alignment", at: pointer)
        }
        profile(document["issuer"], at: "/issuer")
        expectEach(document["evidence"], "Evidence", at: "/evidence")
        let subject = document["credentialSubject"]
        if let subject, subject.isObject {
            expect(subject, "AchievementSubject", at: "/credentialSubject")
            expectEach(subject["identifier"], "IdentityObject", at: "/credentialSubject/identifier")
            expectEach(subject["result"], "Result", at: "/credentialSubject/result") { result, path in
                alignments(result["alignment"], at: path + "/alignment")
            }
            profile(subject["source"], at: "/credentialSubject/source")
            let achievement = subject["achievement"]
            expect(achievement, "Achievement", at: "/credentialSubject/achievement")
            if let achievement {
                let base = "/credentialSubject/achievement"
                alignments(achievement["alignment"], at: base + "/alignment")
                expectEach(achievement["otherIdentifier"], "IdentifierEntry", at: base + "/otherIdentifier")
                expectEach(achievement["related"], "Related", at: base + "/related")
                profile(achievement["creator"], at: base + "/creator")
                expectEach(achievement["resultDescription"], "ResultDescription", at: base + "/resultDescription") { description, path in
                    alignments(description["alignment"], at: path + "/alignment")
                    expectEach(description["rubricCriterionLevel"], "RubricCriterionLevel", at: path + "/rubricCriterionLevel") {
                        level, levelPath in alignments(level["alignment"], at: levelPath + "/alignment")
                    }
                }
            } else {
                found.append(
                    .warning(
                        "ob3.missing-achievement", "the credential subject has no achievement",
                        hint: "an OB 3.0 credential says what was achieved in credentialSubject.achievement",
                        field: "/credentialSubject/achievement"))
            }
        } else {
            found.append(.error("ob3.missing-subject", "the credential has no credentialSubject object", field: "/credentialSubject"))
        }
        if document["issuer"] == nil {
            found.append(
                .warning(
                    "ob3.missing-issuer", "the credential has no issuer", hint: "an OB 3.0 credential names its issuer",
                    field: "/issuer"))
        }
        if document["validFrom"] == nil {
            found.append(
                .warning("ob3.missing-valid-from", "the credential has no validFrom (or issuanceDate)", field: "/validFrom"))
        }
        return found
    }
}
