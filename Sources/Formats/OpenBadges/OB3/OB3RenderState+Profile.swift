import MicrocredModel

extension OB3RenderState {
    /// An organisation as an OB 3.0 Profile, or as a bare IRI when the record knows only its id.
    /// - Parameters:
    ///   - role: names the position, for a derived id (`issuer`).
    ///   - requiresID: whether the schema requires an id here (one is derived when missing).
    mutating func profile(_ organisation: Organisation, role: String, requiresID: Bool) -> JSONValue {
        var builder = JSONTreeBuilder()
        composeProfile(nil, organisation, role: role, requiresID: requiresID, into: &builder)
        return builder.value
    }

    /// Writes ``profile(_:role:requiresID:)`` as member `key` of the open object (or, with no
    /// key, as an element of the open array).
    mutating func composeProfile<Output: JSONContentSink & ~Copyable>(
        _ key: String?, _ organisation: Organisation, role: String, requiresID: Bool, into output: inout Output
    ) {
        if let id = organisation.id, Self.isBareReference(organisation) { return output.put(key, string: id) }
        output.openObject(key)
        output.add("id", string: organisation.id ?? (requiresID ? OB3DerivedIDs.profile(credentialID: credentialID, role: role) : nil))
        output.put("type", Self.profileType)
        output.add("name", string: organisation.name.primary)
        output.add("url", string: organisation.homepage)
        output.add("email", string: organisation.email)
        if let logo = organisation.logo { output.put("image", .object([JSONMember("id", .string(logo)), JSONMember("type", "Image")])) }
        if organisation.country != nil || organisation.region != nil {
            output.openObject("address")
            output.put("type", Self.addressType)
            if let country = organisation.country {
                output.put(Self.isAlpha2(country) ? "addressCountryCode" : "addressCountry", string: country)
            }
            output.add("addressRegion", string: organisation.region)
            output.close()
        }
        var registrations = organisation.registrationIds.filter { !options.migrateOB2 || !LegacyMarkers.isMarker($0) }
        if options.migrateOB2, let legacy = LegacyMarkers.value(LegacyMarkers.profile, in: organisation.registrationIds) {
            registrations.append(Identifier(legacy))
        }
        let identifiers = IdentifierCoding.encode(registrations)
        output.add("otherIdentifier", nonEmpty: identifiers.entries)
        var extensionBuilder = JSONObjectBuilder()
        extensionBuilder.add(MicrocredExtension.Term.legalName, organisation.legalName.map(LocalizedJSON.encode))
        extensionBuilder.add(MicrocredExtension.Term.identifierDetail, nonEmpty: identifiers.details)
        if !organisation.name.entries.isEmpty, let localized = LocalizedMember.member([("name", organisation.name)]) {
            extensionBuilder.add(localized.key, localized.value)
        }
        addExtensionMembers(extensionBuilder.members, to: &output)
        output.close()
    }

    private static let profileType: JSONValue = .array(["Profile"])
    private static let addressType: JSONValue = .array(["Address"])

    /// Whether the organisation is only an id (an issuer given as an IRI).
    static func isBareReference(_ organisation: Organisation) -> Bool {
        organisation.id != nil && organisation.name.entries.isEmpty && organisation.legalName == nil
            && organisation.registrationIds.isEmpty && organisation.country == nil && organisation.region == nil
            && organisation.homepage == nil && organisation.email == nil && organisation.logo == nil
    }

    /// Whether `code` is two ASCII capital letters (the shape of an ISO 3166-1 alpha-2 code).
    static func isAlpha2(_ code: String) -> Bool {
        code.utf8.count == 2 && code.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }
}
