import MicrocredModel

extension OB3RenderState {
    /// The AchievementSubject: the learner's identities, the achievement, the result.
    mutating func subject() -> JSONValue {
        let learner = credential.learner
        var builder = JSONObjectBuilder()
        builder.add("id", string: learner.id)
        builder.add("type", .array(["AchievementSubject"]))
        var identities: [JSONValue] = []
        if let email = learner.email {
            if options.plainRecipients {
                identities.append(Self.identity(hash: email, type: "emailAddress", hashed: false, salt: nil))
            } else {
                let salt = options.salts.salt(credentialID: credentialID ?? "")
                identities.append(
                    Self.identity(hash: RecipientHash.identityHash(of: email, salt: salt), type: "emailAddress", hashed: true, salt: salt))
                hashedEmail = true
            }
        }
        for hashed in learner.hashedIdentities {
            identities.append(
                Self.identity(
                    hash: hashed.algorithm + "$" + hashed.hash, type: Self.identityType(hashed.identityType), hashed: true, salt: hashed.salt))
        }
        if let name = learner.fullName { identities.append(Self.identity(hash: name, type: "name", hashed: false, salt: nil)) }
        var details: [JSONValue] = []
        if let national = learner.nationalId {
            identities.append(Self.identity(hash: national.value, type: "nationalIdentityNumber", hashed: false, salt: nil))
            if national.scheme != nil || national.issuer != nil { details.append(IdentifierCoding.detail(national)) }
        }
        for student in learner.studentIds {
            let type = IdentifierTypes.type(forScheme: student.scheme)
            identities.append(Self.identity(hash: student.value, type: type ?? IdentifierTypes.generic, hashed: false, salt: nil))
            if type == nil || student.issuer != nil { details.append(IdentifierCoding.detail(student)) }
        }
        builder.add("identifier", nonEmpty: identities)
        builder.add("achievement", achievement())
        var resultDescription: String?
        if let result = credential.result, result.grade != nil || result.status != nil || result.gradingScheme != nil {
            if result.gradingScheme != nil { resultDescription = OB3DerivedIDs.resultDescription(credentialID: credentialID) }
            builder.add("result", .array([self.result(result, resultDescription: resultDescription)]))
        }
        let credits = CreditCoding.encode(credential.result?.creditsEarned ?? [], plainFramework: OB3Vocabulary.creditsEarnedFramework)
        builder.add("creditsEarned", credits.number)
        var extensionBuilder = JSONObjectBuilder()
        extensionBuilder.add(MicrocredExtension.Term.givenName, string: learner.givenNames)
        extensionBuilder.add(MicrocredExtension.Term.familyName, string: learner.familyName)
        extensionBuilder.add(MicrocredExtension.Term.dateOfBirth, string: learner.dateOfBirth?.description)
        extensionBuilder.add(MicrocredExtension.Term.citizenshipCountry, nonEmpty: learner.citizenship.map { .string($0) })
        extensionBuilder.add(MicrocredExtension.Term.identifierDetail, nonEmpty: details)
        extensionBuilder.add(MicrocredExtension.Term.creditReceived, credits.list)
        addExtension(extensionBuilder.members, to: &builder)
        return builder.value
    }

    private mutating func result(_ result: CredentialResult, resultDescription: String?) -> JSONValue {
        var builder = JSONObjectBuilder()
        builder.add("type", .array(["Result"]))
        builder.add("resultDescription", string: resultDescription)
        builder.add("value", string: result.grade)
        if let status = result.status {
            let mapped = Self.resultStatus(status)
            builder.add("status", string: mapped)
            if mapped != status {
                usesExtension = true
                builder.add(MicrocredExtension.Term.gradeStatus, string: status)
            }
        }
        return builder.value
    }

    static func identity(hash: String, type: String, hashed: Bool, salt: String?) -> JSONValue {
        var members = [
            JSONMember("type", "IdentityObject"), JSONMember("identityHash", .string(hash)), JSONMember("identityType", .string(type)),
            JSONMember("hashed", .bool(hashed)),
        ]
        if let salt { members.append(JSONMember("salt", .string(salt))) }
        return .object(members)
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
