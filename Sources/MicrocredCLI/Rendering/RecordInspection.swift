import MicrocredModel
import MicrocredPipeline

/// The rendering of one processed record for `inspect`.
struct RecordInspection {
    let processed: ProcessedRecord
    let profile: ValidationProfile

    /// The EU elements the profile requires.
    private var required: Set<EUElement> {
        Set(profile.requiredElements)
    }

    private static func modelJSON(_ credential: Credential?) -> JSONValue {
        guard let credential, let value = try? JSONValueEncoder().encode(credential) else { return .null }
        return value
    }

    private var elements: [(element: EUElement, present: Bool, required: Bool)] {
        EUElement.allCases.map { ($0, processed.credential?.has($0) ?? false, required.contains($0)) }
    }

    var jsonValue: JSONValue {
        .object([
            JSONMember("source", processed.location.jsonValue),
            JSONMember("asRead", processed.raw),
            JSONMember("asDecoded", Self.modelJSON(processed.decoded)),
            JSONMember("asNormalised", Self.modelJSON(processed.credential)),
            JSONMember("diagnostics", .array(processed.diagnostics.map(\.jsonValue))),
            JSONMember("profile", .string(profile.name)),
            JSONMember(
                "elements",
                .array(
                    elements.map {
                        .object([
                            JSONMember("element", .string($0.element.rawValue)), JSONMember("present", .bool($0.present)),
                            JSONMember("required", .bool($0.required)),
                        ])
                    })),
            JSONMember("rejected", .bool(processed.isRejected(rejectWarnings: false))),
        ])
    }

    var text: String {
        let pretty = JSONSerializer(indent: 2)
        var lines = ["record \(processed.location.description)", "", "== as read", pretty.string(processed.raw), ""]
        lines += ["== as decoded", pretty.string(Self.modelJSON(processed.decoded)), ""]
        lines += ["== as normalised", pretty.string(Self.modelJSON(processed.credential)), ""]
        lines.append("== diagnostics")
        lines += processed.diagnostics.isEmpty ? ["none"] : processed.diagnostics.map(\.description)
        let requiredCount = elements.filter(\.required).count
        let presentRequired = elements.filter { $0.required && $0.present }.count
        lines += ["", "== EU elements (profile \(profile.name): \(presentRequired) of \(requiredCount) required present)"]
        for entry in elements {
            let mark = entry.present ? "✓" : (entry.required ? "✗" : "·")
            let tag = entry.required ? "required" : "optional"
            lines.append("\(mark) \(entry.element.displayName) (\(tag))")
        }
        lines += ["", processed.isRejected(rejectWarnings: false) ? "verdict: rejected" : "verdict: passes"]
        return lines.joined(separator: "\n")
    }
}
