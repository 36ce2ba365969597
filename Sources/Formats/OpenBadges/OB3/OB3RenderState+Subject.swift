import MicrocredModel

extension OB3RenderState {
    /// Writes the `credentialSubject` member of `credential`, the AchievementSubject: the
    /// learner's identities, the achievement, the result.
    mutating func composeSubject<Output: JSONContentSink & ~Copyable>(_ credential: Credential, into output: inout Output) {
        let learner = credential.learner
        output.openObject("credentialSubject")
        output.add("id", string: learner.id)
        output.put("type", Self.subjectType)
        let fullName = learner.fullName
        let hasIdentities =
            learner.email != nil || !learner.hashedIdentities.isEmpty || fullName != nil || learner.nationalId != nil
            || !learner.studentIds.isEmpty
        if hasIdentities { output.openArray("identifier") }
        if let email = learner.email {
            if options.plainRecipients {
                Self.composeIdentity(hash: email, type: "emailAddress", hashed: false, salt: nil, into: &output)
            } else {
                let salt = options.salts.salt(credentialID: credentialID ?? "")
                Self.composeIdentity(
                    hash: RecipientHash.identityHash(of: email, salt: salt), type: "emailAddress", hashed: true, salt: salt, into: &output)
                hashedEmail = true
            }
        }
        for hashed in learner.hashedIdentities {
            Self.composeIdentity(
                hash: hashed.algorithm + "$" + hashed.hash, type: Self.identityType(hashed.identityType), hashed: true, salt: hashed.salt,
                into: &output)
        }
        if let fullName { Self.composeIdentity(hash: fullName, type: "name", hashed: false, salt: nil, into: &output) }
        var details: [JSONValue] = []
        if let national = learner.nationalId {
            Self.composeIdentity(hash: national.value, type: "nationalIdentityNumber", hashed: false, salt: nil, into: &output)
            if national.scheme != nil || national.issuer != nil { details.append(IdentifierCoding.detail(national)) }
        }
        for student in learner.studentIds {
            let type = IdentifierTypes.type(forScheme: student.scheme)
            Self.composeIdentity(hash: student.value, type: type ?? IdentifierTypes.generic, hashed: false, salt: nil, into: &output)
            if type == nil || student.issuer != nil { details.append(IdentifierCoding.detail(student)) }
        }
        if hasIdentities { output.close() }
        output.openObject("achievement")
        composeAchievement(credential, into: &output)
        output.close()
        var resultDescription: String?
        if let result = credential.result, result.grade != nil || result.status != nil || result.gradingScheme != nil {
            if result.gradingScheme != nil { resultDescription = OB3DerivedIDs.resultDescription(credentialID: credentialID) }
            output.openArray("result")
            composeResult(result, resultDescription: resultDescription, into: &output)
            output.close()
        }
        let credits = CreditCoding.encode(credential.result?.creditsEarned ?? [], plainFramework: OB3Vocabulary.creditsEarnedFramework)
        output.add("creditsEarned", credits.number)
        var extensionBuilder = JSONObjectBuilder()
        extensionBuilder.add(MicrocredExtension.Term.givenName, string: learner.givenNames)
        extensionBuilder.add(MicrocredExtension.Term.familyName, string: learner.familyName)
        extensionBuilder.add(MicrocredExtension.Term.dateOfBirth, string: learner.dateOfBirth?.description)
        extensionBuilder.add(MicrocredExtension.Term.citizenshipCountry, nonEmpty: learner.citizenship.map { .string($0) })
        extensionBuilder.add(MicrocredExtension.Term.identifierDetail, nonEmpty: details)
        extensionBuilder.add(MicrocredExtension.Term.creditReceived, credits.list)
        addExtensionMembers(extensionBuilder.members, to: &output)
        output.close()
    }

    private static let subjectType: JSONValue = .array(["AchievementSubject"])
    private static let resultType: JSONValue = .array(["Result"])

    /// Writes a Result as an element of the open array.
    private mutating func composeResult<Output: JSONContentSink & ~Copyable>(
        _ result: CredentialResult, resultDescription: String?, into output: inout Output
    ) {
        output.openObject(nil)
        output.put("type", Self.resultType)
        output.add("resultDescription", string: resultDescription)
        output.add("value", string: result.grade)
        if let status = result.status {
            let mapped = Self.resultStatus(status)
            output.add("status", string: mapped)
            if mapped != status {
                usesExtension = true
                output.put(MicrocredExtension.Term.gradeStatus, string: status)
            }
        }
        output.close()
    }

    /// Writes an IdentityObject as an element of the open array.
    private static func composeIdentity<Output: JSONContentSink & ~Copyable>(
        hash: String, type: String, hashed: Bool, salt: String?, into output: inout Output
    ) {
        output.openObject(nil)
        output.put("type", string: "IdentityObject")
        output.put("identityHash", string: hash)
        output.put("identityType", string: type)
        output.put("hashed", .bool(hashed))
        output.add("salt", string: salt)
        output.close()
    }

    /// The OB 3.0 identity type for a model identity type (`url` → `ext:url`).
    static func identityType(_ type: String) -> String {
        IdentifierTypes.type(forScheme: type) ?? "ext:" + IdentifierTypes.extensionName(from: type)
    }

    /// The OB 3.0 result status for a model status, where one is clear.
    static func resultStatus(_ status: String) -> String? {
        if OB3Vocabulary.resultStatuses.contains(status) { return status }
        switch status.lowercased().filter({ $0.isLetter }) {
        case "completed", "complete", "passed", "pass", "success", "successful", "achieved", "awarded": return "Completed"
        case "failed", "fail", "notpassed": return "Failed"
        case "enrolled": return "Enrolled"
        case "inprogress": return "InProgress"
        case "onhold": return "OnHold"
        case "provisional": return "Provisional"
        case "withdrew", "withdrawn": return "Withdrew"
        default: return nil
        }
    }
}
