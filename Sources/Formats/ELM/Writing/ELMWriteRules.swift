import MicrocredModel
import MicrocredPipeline

/// What a credential needs for `genericschema_1.2` to accept the document written for it: checked
/// before anything is written, so a record that cannot make a valid document is rejected with
/// the rule that failed.
enum ELMWriteRules {
    /// The rules, in the order their elements appear in a document.
    static let all: [any ValidationRule] = [
        ELMWriteRule(code: ELMCode.missingIssued, summary: "a date of issuing (cred:issued)") { credential in
            credential.issued == nil
                ? [.error(ELMCode.missingIssued, "the credential has no date of issuing (cred:issued), which genericschema_1.2 requires",
                    hint: "map the issue date to 'issued'", field: "issued")] : []
        },
        ELMWriteRule(code: ELMCode.missingIssuer, summary: "an issuer or awarding body (cred:issuer)") { credential in
            credential.issuer == nil && credential.awardingBodies.isEmpty
                ? [.error(ELMCode.missingIssuer, "the credential has neither an issuer nor an awarding body, which cred:issuer must name",
                    hint: "map the awarding body or the issuer", field: "issuer")] : []
        },
        ELMWriteRule(code: ELMCode.missingTitle, summary: "a title") { credential in
            (credential.displayTitle?.entries.isEmpty ?? true)
                ? [.error(ELMCode.missingTitle, "the credential has no title, which genericschema_1.2 requires",
                    hint: "map the credential or achievement title", field: "title")] : []
        },
        ELMWriteRule(code: ELMCode.missingGivenNames, summary: "the learner's given names") { credential in
            (credential.learner.givenNames ?? "").isEmpty
                ? [.error(ELMCode.missingGivenNames, "the learner has no given names, which genericschema_1.2 requires (givenNames)",
                    hint: "map the learner's given names; a full name alone is not enough", field: "learner.givenNames")] : []
        },
        ELMWriteRule(code: ELMCode.missingFamilyName, summary: "the learner's family name") { credential in
            (credential.learner.familyName ?? "").isEmpty
                ? [.error(ELMCode.missingFamilyName, "the learner has no family name, which genericschema_1.2 requires (familyName)",
                    hint: "map the learner's family name; a full name alone is not enough", field: "learner.familyName")] : []
        },
        ELMWriteRule(code: ELMCode.missingRegistration, summary: "a registration identifier for each organisation") { credential in
            func missingRegistration(_ organisation: Organisation, field: @autoclosure () -> String) -> Diagnostic? {
                guard organisation.registrationIds.isEmpty else { return nil }
                let field = field()
                return .error(
                    ELMCode.missingRegistration,
                    "organisation '\(organisation.name.primary ?? organisation.id ?? "")' has no registration identifier, which genericschema_1.2 requires (organization/registration)",
                    hint: "map a registration number (business register, VAT, Erasmus code) to \(field).registrationIds",
                    field: "\(field).registrationIds")
            }
            var diagnostics: [Diagnostic] = []
            if let issuer = credential.issuer, let missing = missingRegistration(issuer, field: "issuer") { diagnostics.append(missing) }
            for (index, body) in credential.awardingBodies.enumerated() {
                if let missing = missingRegistration(body, field: "awardingBodies[\(index)]") { diagnostics.append(missing) }
            }
            return diagnostics
        },
        ELMWriteRule(code: ELMCode.unsupportedLanguage, summary: "texts only in the schema's 29 languages") { credential in
            var diagnostics: [Diagnostic] = []
            credential.visitTexts { path, text in
                for language in text.entries.compactMap(\.language) where ELMLanguages.code(for: language) == nil {
                    diagnostics.append(
                        .error(
                            ELMCode.unsupportedLanguage,
                            "text in '\(language)' cannot be written: genericschema_1.2 allows only \(ELMLanguages.allowed.sorted().joined(separator: " "))",
                            hint: "translate the text or drop that language version", field: path.description))
                }
                return true
            }
            return diagnostics
        },
        ELMWriteRule(code: ELMCode.duplicateTextLanguage, summary: "one title and description text per language") { credential in
            let primary = ELMLanguages.primary(of: credential)
            let texts: [(field: String, text: LocalizedText?)] = [("title", credential.displayTitle), ("description", credential.description)]
            return texts.flatMap { field, text in
                ELMLanguages.duplicates(in: text, primary: primary).map { code -> Diagnostic in
                    .error(
                        ELMCode.duplicateTextLanguage,
                        "the credential \(field) has more than one text in '\(code)', which genericschema_1.2 forbids",
                        hint: "keep one \(field) per language (a text without a language counts as '\(primary)')", field: field)
                }
            }
        },
    ]
}
