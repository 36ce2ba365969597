import MicrocredModel

/// Identifiers an Open Badges 2.0 reader adds to say that an id is an OB 2.0 id: the scheme is the
/// IRI of the OB 2.0 class. The OB 3.0 writer follows 1EdTech's migration guidance when it sees
/// them: a new credential id with the original assertion linked as evidence, the achievement
/// linked to the BadgeClass with `related`, the issuer with `otherIdentifier`.
enum LegacyMarkers {
    static let assertion = OB3Vocabulary.ob2Assertion
    static let badgeClass = OB3Vocabulary.ob2BadgeClass
    static let profile = OB3Vocabulary.ob2Profile

    /// Whether `identifier` is a marker.
    static func isMarker(_ identifier: Identifier) -> Bool {
        identifier.scheme == assertion || identifier.scheme == badgeClass || identifier.scheme == profile
    }

    /// The value of the first marker with `scheme` in `identifiers`.
    static func value(_ scheme: String, in identifiers: [Identifier]) -> String? {
        identifiers.first { $0.scheme == scheme }?.value
    }
}
