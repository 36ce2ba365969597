import MicrocredModel

/// Credit points in Open Badges: the ECTS points (or credits of unknown system) as the native
/// number (`creditsAvailable`, `creditsEarned`), and every credit with its framework stated in an
/// extension list (`creditPoint`, `creditReceived`: `{"framework": IRI, "point": "5"}`).
///
/// Credits read from a bare native number, with no framework stated, get the framework
/// `plainFramework` (the IRI of the OB 3.0 property), so they are written back the same way.
enum CreditCoding {
    /// The native number and the extension list for `credits`.
    static func encode(_ credits: [CreditPoints], plainFramework: String) -> (number: JSONValue?, list: JSONValue?) {
        let primary = credits.first { $0.framework == CreditPoints.ects } ?? credits.first { $0.framework == plainFramework }
        let number = primary.map { JSONValue.number($0.points.description) }
        if credits.isEmpty || (credits.count == 1 && credits[0].framework == plainFramework) { return (number, nil) }
        let list = credits.map { credit in
            JSONValue.object([
                JSONMember("framework", .string(OB3Vocabulary.creditFrameworkIRI(credit.framework))),
                JSONMember("point", .string(credit.points.description)),
            ])
        }
        return (number, .array(list))
    }

    /// The credits of an extension list, else of a native number.
    static func decode(number: JSONValue?, list: JSONValue?, plainFramework: String) -> [CreditPoints] {
        if let list {
            return list.listValue.compactMap { entry in
                guard let framework = entry["framework"]?.stringValue, let points = entry["point"]?.decimalValue else { return nil }
                return CreditPoints(framework: OB3Vocabulary.creditFramework(fromIRI: framework), points: points)
            }
        }
        guard let points = number?.decimalValue else { return [] }
        return [CreditPoints(framework: plainFramework, points: points)]
    }
}
