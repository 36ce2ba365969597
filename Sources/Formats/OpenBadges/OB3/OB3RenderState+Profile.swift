import MicrocredModel

extension OB3RenderState {
    /// An organisation as an OB 3.0 Profile, or as a bare IRI when the record knows only its id.
    /// - Parameters:
    ///   - role: names the position, for a derived id (`issuer`).
    ///   - requiresID: whether the schema requires an id here (one is derived when missing).
    mutating func profile(_ organisation: Organisation, role: String, requiresID: Bool) -> JSONValue {
        if let id = organisation.id, Self.isBareReference(organisation) { return .string(id) }
        var builder = JSONObjectBuilder()
        builder.add("id", string: organisation.id ?? (requiresID ? OB3DerivedIDs.profile(credentialID: credentialID, role: role) : nil))
        builder.add("type", .array(["Profile"]))
        builder.add("name", string: organisation.name.primary)
        builder.add("url", string: organisation.homepage)
        builder.add("email", string: organisation.email)
        if let logo = organisation.logo { builder.add("image", .object([JSONMember("id", .string(logo)), JSONMember("type", "Image")])) }
        if organisation.country != nil || organisation.region != nil {
            var address = JSONObjectBuilder()
            address.add("type", .array(["Address"]))
            if let country = organisation.country {
                address.add(Self.isAlpha2(country) ? "addressCountryCode" : "addressCountry", string: country)
            }
            address.add("addressRegion", string: organisation.region)
            builder.add("address", address.value)
        }
        var registrations = organisation.registrationIds.filter { !options.migrateOB2 || !LegacyMarkers.isMarker($0) }
        if options.migrateOB2, let legacy = LegacyMarkers.value(LegacyMarkers.profile, in: organisation.registrationIds) {
            registrations.append(Identifier(legacy))
        }
        let identifiers = IdentifierCoding.encode(registrations)
        builder.add("otherIdentifier", nonEmpty: identifiers.entries)
        var extensionBuilder = JSONObjectBuilder()
        extensionBuilder.add(MicrocredExtension.Term.legalName, organisation.legalName.map(LocalizedJSON.encode))
        extensionBuilder.add(MicrocredExtension.Term.identifierDetail, nonEmpty: identifiers.details)
        if !organisation.name.entries.isEmpty, let localized = LocalizedMember.member([("name", organisation.name)]) {
            extensionBuilder.add(localized.key, localized.value)
        }
        addExtension(extensionBuilder.members, to: &builder)
        return builder.value
    }

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
