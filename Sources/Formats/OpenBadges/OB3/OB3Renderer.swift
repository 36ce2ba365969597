import ByteOutput
import MicrocredModel
import MicrocredPipeline

/// Renders a model credential as an OB 3.0 OpenBadgeCredential (VC 2.0) that validates against
/// the 1EdTech JSON Schema: arrays where the schema wants arrays, the VC 2.0 context first, every
/// required property present (derived deterministically where the record has none).
///
/// The record's `ob3` unmapped fields are set back at their paths; fields that cannot be placed
/// without breaking the schema, and unmapped fields of other formats, go into the `sourceField`
/// extension list.
///
/// The document is written once, against ``JSONContentSink``: as a tree (``render(_:)``), which
/// the unmapped fields are set into, or straight to bytes (``renderLine(_:)``) when there are
/// none to set.
struct OB3Renderer {
    var options: OB3RenderOptions

    /// The rendered document and notes about it.
    struct Rendering {
        var document: JSONValue
        var diagnostics: [Diagnostic]
        /// Whether a plain e-mail address was hashed (so the caller can warn about the salt).
        var hashedEmail: Bool
        /// The inline extension context the document ends its `@context` with, if any.
        var inlineContext: InlineExtensionContext?
    }

    /// A document rendered as a JSON Lines entry, and notes about it.
    struct Line {
        /// The document's compact bytes and a line break.
        var bytes: [UInt8]
        var diagnostics: [Diagnostic]
        /// Whether a plain e-mail address was hashed.
        var hashedEmail: Bool
    }

    /// The `@context` entries every document starts with.
    private static let contexts: [JSONValue] = [.string(OB3Vocabulary.credentialsV2Context), .string(OB3Vocabulary.context)]

    /// A line's first bytes: `{"@context":[` and those entries, serialized once.
    private static let lineStart: [UInt8] = {
        var start = JSONSerializer().serialize(.object([JSONMember("@context", .array(contexts))]))
        start.removeLast(2)
        return start
    }()

    /// Renders `credential`.
    func render(_ credential: Credential) -> Rendering {
        var state = OB3RenderState(options: options, credential: credential)
        var builder = JSONTreeBuilder()
        builder.openObject(nil)
        builder.put("@context", .array(Self.contexts))
        state.compose(credential, into: &builder)
        builder.close()
        var document = builder.value
        let leftovers = UnmappedOverlay.apply(credential.unmapped, format: OpenBadges3Format.id, to: &document, isPlaceable: OB3Placement.accepts)
        let carried = state.heldEndorsements + leftovers + credential.unmapped.filter { $0.format != OpenBadges3Format.id }
        if !carried.isEmpty {
            document.set(MicrocredExtension.Term.sourceField, .array(carried.map(SourceFieldCoding.encode)))
            state.usesExtension = true
        }
        var inlineContext: InlineExtensionContext?
        if state.usesExtension, options.statesExtensionContext, case .array(let contexts)? = document["@context"] {
            let entry = options.extensionContext.entry(for: document)
            document.set("@context", .array(contexts + [entry.value]))
            inlineContext = entry.inline
        }
        return Rendering(
            document: document, diagnostics: state.diagnostics, hashedEmail: state.hashedEmail, inlineContext: inlineContext)
    }

    /// Renders `credential` as compact JSON and a line break: the bytes `JSONSerializer` writes
    /// for the document ``render(_:)`` makes. `nil` when the record has `ob3` unmapped fields to
    /// set back into the document, which only ``render(_:)`` does.
    func renderLine(_ credential: Credential) -> Line? {
        guard !credential.unmapped.contains(where: { $0.format == OpenBadges3Format.id }) else { return nil }
        var state = OB3RenderState(options: options, credential: credential)
        // The members after `@context`, whose last entry depends on the terms the rest uses.
        var body = MicrocredExtension.termNotingWriter()
        body.openObject(nil)
        state.compose(credential, into: &body)
        let carried = state.heldEndorsements + credential.unmapped
        if !carried.isEmpty {
            body.put(MicrocredExtension.Term.sourceField, .array(carried.map(SourceFieldCoding.encode)))
            state.usesExtension = true
        }
        body.close()
        var line = ByteBuffer(capacity: body.count + 4096)
        line.append(Self.lineStart)
        if state.usesExtension, options.statesExtensionContext {
            line.append(UInt8(ascii: ","))
            let entry = options.extensionContext.entry(forTerms: body.namesWritten)
            if let inline = entry.inline { line.append(inline.compact) } else { JSONSerializer().append(entry.value, to: &line) }
        }
        line.append(UInt8(ascii: "]"))
        // The body's members follow its opening brace: `type` is always among them.
        precondition(body.count > 2, "a credential rendered without members")
        line.append(UInt8(ascii: ","))
        body.appendBytes(from: 1, to: &line)
        line.append(0x0A)
        return Line(bytes: line.array(), diagnostics: state.diagnostics, hashedEmail: state.hashedEmail)
    }
}

/// What rendering one credential accumulates.
struct OB3RenderState {
    typealias Term = MicrocredExtension.Term

    let options: OB3RenderOptions
    /// The id the credential is written with (new when migrated from OB 2.0).
    let credentialID: String?
    var usesExtension = false
    var hashedEmail = false
    /// Endorsements the schema would refuse (VC 1.1 ones, OB 2.0 references), kept verbatim in
    /// `sourceField` at their position among the record's endorsements.
    var heldEndorsements: [UnmappedField] = []
    var diagnostics: [Diagnostic] = []

    /// The state of rendering `credential` (which each composing method is given again: kept here,
    /// it would be a copy, a reference count for each of its many fields).
    init(options: OB3RenderOptions, credential: borrowing Credential) {
        self.options = options
        if options.migrateOB2, let assertion = LegacyMarkers.value(LegacyMarkers.assertion, in: credential.otherIdentifiers),
            credential.id == nil || credential.id == assertion
        {
            credentialID = OB3DerivedIDs.migratedCredential(fromAssertion: assertion)
        } else {
            credentialID = credential.id
        }
    }

    /// Adds an extension member to the open object, noting that the extension context is needed.
    mutating func putExtensionMember<Output: JSONContentSink & ~Copyable>(_ key: String, _ value: JSONValue, to output: inout Output) {
        usesExtension = true
        output.put(key, value)
    }

    /// Adds extension members to the open object, noting that the extension context is needed.
    mutating func addExtensionMembers<Output: JSONContentSink & ~Copyable>(_ members: [JSONMember], to output: inout Output) {
        guard !members.isEmpty else { return }
        usesExtension = true
        output.add(contentsOf: members)
    }

    /// Writes the members of `credential` after `@context` into the open object (the extension
    /// context and `sourceField` are the caller's).
    mutating func compose<Output: JSONContentSink & ~Copyable>(_ credential: Credential, into output: inout Output) {
        output.add("id", string: credentialID)
        output.put("type", Self.credentialTypes)
        output.add("name", string: credential.title?.primary)
        output.add("description", string: credential.description?.primary)
        composeSubject(credential, into: &output)
        let effectiveIssuer = credential.issuer ?? credential.awardingBodies.first
        if let effectiveIssuer {
            composeProfile("issuer", effectiveIssuer, role: "issuer", requiresID: true, into: &output)
        }
        var dateOnly: [JSONValue] = []
        addTimestamp("validFrom", credential.validFrom ?? credential.issued, dateOnly: &dateOnly, to: &output)
        if credential.validFrom != nil { addTimestamp("awardedDate", credential.issued, dateOnly: &dateOnly, to: &output) }
        addTimestamp("validUntil", credential.validUntil, dateOnly: &dateOnly, to: &output)
        output.add("evidence", nonEmpty: evidence(of: credential))
        var schemaEndorsements: [JSONValue] = []
        var tokens: [JSONValue] = []
        for (index, endorsement) in credential.endorsements.enumerated() {
            if endorsement.isObject, OB3Placement.isSchemaEndorsement(endorsement) {
                schemaEndorsements.append(endorsement)
            } else if let token = endorsement.stringValue, CompactJWS.looksLikeToken(Array(token.utf8)), !token.contains(" ") {
                tokens.append(endorsement)
            } else {
                heldEndorsements.append(UnmappedField(format: OpenBadges3Format.id, path: "/endorsement/\(index)", value: endorsement))
            }
        }
        output.add("endorsement", nonEmpty: schemaEndorsements)
        output.add("endorsementJwt", nonEmpty: tokens)
        let embedded = credential.proofs.filter { $0.format == "data-integrity" }
        if options.keepProofs {
            output.add("proof", nonEmpty: embedded.map(\.value))
        } else if !credential.proofs.isEmpty {
            diagnostics.append(
                .note(
                    "ob3.proof-not-carried", "\(credential.proofs.count) proof(s) found on input are not written",
                    hint: "a converted credential must be signed again; keep-proofs=true keeps embedded proofs", field: "proofs"))
        }
        if options.keepProofs, embedded.count < credential.proofs.count {
            diagnostics.append(
                .note(
                    "ob3.proof-not-carried",
                    "\(credential.proofs.count - embedded.count) JWS / VC-JWT proof(s) cannot be embedded in a JSON credential",
                    hint: "sign the written credential again", field: "proofs"))
        }
        var extensionBuilder = JSONObjectBuilder()
        extensionBuilder.add(Term.credentialProfiles, string: credential.credentialType)
        extensionBuilder.add(Term.additionalNote, credential.furtherInformation.map(LocalizedJSON.encode))
        let identifiers = IdentifierCoding.encode(
            credential.otherIdentifiers.filter { !options.migrateOB2 || !LegacyMarkers.isMarker($0) })
        extensionBuilder.add(Term.otherIdentifier, nonEmpty: identifiers.entries)
        extensionBuilder.add(Term.identifierDetail, nonEmpty: identifiers.details)
        // The awarding bodies go in the extension unless they are the issuer alone (compared in
        // place: an array literal of the issuer would be a copy of it).
        let bodies = credential.awardingBodies
        if let effectiveIssuer, !(bodies.count == 1 && bodies[0] == effectiveIssuer) {
            extensionBuilder.add(
                Term.awardingBody, .array(bodies.map { profile($0, role: "awardingBody", requiresID: false) }))
        }
        extensionBuilder.add(Term.dateOnly, nonEmpty: dateOnly)
        if let localized = LocalizedMember.member([("name", credential.title), ("description", credential.description)]) {
            extensionBuilder.add(localized.key, localized.value)
        }
        addExtensionMembers(extensionBuilder.members, to: &output)
    }

    private static let credentialTypes: JSONValue = .array([
        .string(OB3Vocabulary.verifiableCredential), .string(OB3Vocabulary.openBadgeCredential),
    ])

    /// Adds a date-time member (UTC when the value has no offset, with a note), listing its name
    /// in `dateOnly` when the record gave a date only.
    private mutating func addTimestamp<Output: JSONContentSink & ~Copyable>(
        _ name: String, _ value: Timestamp?, dateOnly: inout [JSONValue], to output: inout Output
    ) {
        guard let value else { return }
        if case .date = value { dateOnly.append(.string(name)) }
        let dateTime = value.asDateTime
        if dateTime.utcOffsetMinutes == nil {
            diagnostics.append(
                .note(
                    "ob3.local-time-as-utc", "the local time '\(value)' has no UTC offset; written as UTC",
                    hint: "give the offset in the source to keep the exact instant", field: name))
        }
        output.put(name, string: dateTime.assumingUTCIfLocal.description)
    }

    private func evidence(of credential: Credential) -> [JSONValue] {
        var items = credential.evidence.map { evidence in
            var builder = JSONObjectBuilder()
            builder.add("id", string: evidence.id)
            builder.add("type", .array(["Evidence"]))
            builder.add("narrative", string: evidence.narrative)
            builder.add("name", string: evidence.name)
            builder.add("description", string: evidence.description)
            builder.add("genre", string: evidence.genre)
            builder.add("audience", string: evidence.audience)
            return builder.value
        }
        if options.migrateOB2, let assertion = LegacyMarkers.value(LegacyMarkers.assertion, in: credential.otherIdentifiers),
            !credential.evidence.contains(where: { $0.id == assertion })
        {
            items.append(
                .object([
                    JSONMember("id", .string(assertion)),
                    JSONMember("type", .array(["Evidence", .string(OB3Vocabulary.ob2Assertion)])),
                    JSONMember("name", "Original Open Badges 2.0 assertion for this credential"),
                    JSONMember(
                        "description",
                        "This credential was originally issued as an Open Badges 2.0 assertion. It has been updated to the latest version for delivery to Verifiable Credentials wallets and verifiers."
                    ),
                ]))
        }
        return items
    }
}

/// The ids the OB 3.0 writer derives where the schema requires one and the record has none, and
/// the new ids of credentials migrated from OB 2.0. A reader that finds a derived id knows the
/// record had none.
enum OB3DerivedIDs {
    static func achievement(credentialID: String?) -> String {
        NameBasedUUID.urn(for: "ob3/achievement\u{1F}" + (credentialID ?? ""))
    }

    static func profile(credentialID: String?, role: String) -> String {
        NameBasedUUID.urn(for: "ob3/profile\u{1F}" + (credentialID ?? "") + "\u{1F}" + role)
    }

    static func resultDescription(credentialID: String?) -> String {
        NameBasedUUID.urn(for: "ob3/result-description\u{1F}" + (credentialID ?? ""))
    }

    static func migratedCredential(fromAssertion assertion: String) -> String {
        NameBasedUUID.urn(for: "ob3/credential-from-ob2\u{1F}" + assertion)
    }

    static func migratedAchievement(fromBadgeClass badgeClass: String) -> String {
        NameBasedUUID.urn(for: "ob3/achievement-from-ob2\u{1F}" + badgeClass)
    }
}
