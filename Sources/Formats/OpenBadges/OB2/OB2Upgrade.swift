import MicrocredModel
import MicrocredPipeline

/// Brings an OB 2.0 assertion, or a 0.5 / 1.0 / 1.1 one, into the 2.0 shape the mapping reads,
/// with its BadgeClass and Issuer embedded (resolved by the reader when given by reference).
///
/// Legacy upgrades, each reported as a note: plain-string recipients (with a top-level `salt`)
/// become IdentityObjects; `issued_on` is `issuedOn`; Unix timestamps and date-only values become
/// ISO 8601 date-times in UTC (a date at midnight); `verify` is `verification`, and a 1.0 hosted
/// `verify.url` becomes the assertion id when it has none; old alignment keys
/// (`name`/`url`/`description`) become `targetName`/`targetUrl`/`targetDescription`.
struct OB2Upgrade {
    struct Outcome {
        var document: JSONValue
        var diagnostics: [Diagnostic]
        /// The version the source was written in (`0.5`, `1.0`, `1.1`, `2.0`).
        var version: String
    }

    func upgrade(_ source: JSONValue, resolved: [String: JSONValue]) -> Outcome {
        var diagnostics: [Diagnostic] = []
        let contexts = source["@context"]?.listValue ?? []
        let contextURLs = contexts.compactMap(\.stringValue)
        let version: String
        if contextURLs.contains(where: OB2Vocabulary.contextAliases.contains) {
            version = "2.0"
        } else if contextURLs.contains(OB2Vocabulary.context11) {
            version = "1.1"
        } else if !contexts.isEmpty {
            diagnostics.append(
                .error(
                    "ob2.invalid-context",
                    "the @context \(contextURLs.map { "'\($0)'" }.joined(separator: ", ")) is not an Open Badges context",
                    hint: "an OB 2.0 assertion's @context is '\(OB2Vocabulary.context)'", field: "/@context"))
            return Outcome(document: source, diagnostics: diagnostics, version: "?")
        } else if case .string? = source["recipient"], source["uid"] == nil, source["verify"] == nil {
            version = "0.5"
        } else if source["issued_on"] != nil || source["badge"]?["version"] != nil {
            version = "0.5"
        } else {
            version = "1.0"
        }
        var document = source
        if version != "2.0" {
            diagnostics.append(
                .note("ob2.legacy-upgraded", "Open Badges \(version) assertion read as Open Badges 2.0", field: "/@context"))
            let extras = contexts.filter { $0.stringValue != OB2Vocabulary.context11 }
            document.set(
                "@context", extras.isEmpty ? .string(OB2Vocabulary.context) : .array([.string(OB2Vocabulary.context)] + extras))
            if document["type"] == nil { document = Self.inserting(document, "type", "Assertion", after: "@context") }
        }
        if let revoked = document["revoked"], revoked == .bool(true) {
            let reason = document["revocationReason"]?.stringValue.map { ": \($0)" } ?? ""
            diagnostics.append(
                .error(
                    "ob2.revoked", "the assertion '\(document["id"]?.stringValue ?? "")' is revoked\(reason)",
                    hint: "revoked assertions are not converted", field: "/revoked"))
            return Outcome(document: document, diagnostics: diagnostics, version: version)
        }
        let types = document["type"]?.strings ?? []
        guard types.contains("Assertion") else {
            diagnostics.append(
                .error(
                    "ob2.invalid-type", "type \(types.map { "'\($0)'" }.joined(separator: ", ")) is not 'Assertion'",
                    hint: "an OB 2.0 assertion has \"type\": \"Assertion\"", field: "/type"))
            return Outcome(document: document, diagnostics: diagnostics, version: version)
        }
        document = upgradeRecipient(document, version: version, diagnostics: &diagnostics)
        document = Self.renaming(document, "issued_on", to: "issuedOn")
        for key in ["issuedOn", "expires"] {
            document = upgradeTimestamp(document, key: key, pointer: "/" + key, diagnostics: &diagnostics)
        }
        if document["verification"] == nil, let verify = document["verify"] {
            document = Self.renaming(document, "verify", to: "verification")
            if version == "1.0" || version == "1.1", let url = verify["url"]?.stringValue {
                let type = verify["type"]?.stringValue ?? "hosted"
                if type == "hosted" {
                    if document["id"] == nil { document = Self.inserting(document, "id", .string(url), after: "type") }
                    document.set("verification", verify.removing("url"))
                    diagnostics.append(
                        .note("ob2.legacy-upgraded", "the hosted verify.url '\(url)' is read as the assertion id", field: "/verify/url"))
                } else {
                    document.set("verification", verify.removing("url").setting("creator", .string(url)))
                }
            }
        }
        if let badge = document["badge"] {
            var badgeObject = badge
            if case .string(let id) = badge, let found = resolved[id] {
                badgeObject = found.removing("@context")
                if badgeObject["id"] == nil { badgeObject = Self.inserting(badgeObject, "id", .string(id), after: nil) }
            }
            if badgeObject.isObject {
                badgeObject = upgradeBadgeClass(badgeObject, version: version, resolved: resolved, diagnostics: &diagnostics)
            }
            document.set("badge", badgeObject)
        }
        return Outcome(document: document, diagnostics: diagnostics, version: version)
    }

    // MARK: - Parts

    private func upgradeRecipient(_ document: JSONValue, version: String, diagnostics: inout [Diagnostic]) -> JSONValue {
        guard case .string(let identity)? = document["recipient"] else { return document }
        let hashed = RecipientHash.parse(identity) != nil
        var recipient = JSONObjectBuilder()
        recipient.add("type", "email")
        recipient.add("hashed", .bool(hashed))
        if let salt = document["salt"] { recipient.add("salt", salt) }
        recipient.add("identity", .string(identity))
        diagnostics.append(
            Diagnostic(
                code: "ob2.legacy-recipient", severity: version == "0.5" ? .note : .warning,
                message: "the recipient '\(hashed ? identity : EmailMask.mask(identity))' is a plain string; read as a\(hashed ? " hashed" : "n") e-mail identity",
                hint: version == "0.5" ? nil : "Open Badges \(version) recipients are IdentityObjects {type, hashed, identity}",
                location: SourceLocation(field: "/recipient")))
        return document.removing("salt").setting("recipient", recipient.value)
    }

    private func upgradeTimestamp(_ object: JSONValue, key: String, pointer: String, diagnostics: inout [Diagnostic]) -> JSONValue {
        guard let value = object[key] else { return object }
        if case .string(let text) = value, DateTime(iso: text) != nil { return object }
        var upgraded: DateTime?
        if let unix = TimestampParsing.unix(value) {
            upgraded = unix
        } else if case .string(let text) = value, let date = CalendarDate(iso: text) {
            upgraded = TimestampParsing.midnightUTC(date)
        }
        guard let upgraded else { return object }
        diagnostics.append(
            .note(
                "ob2.timestamp-upgraded",
                "\(key) '\(JSONSerializer().string(value).trimmingQuotes)' read as '\(upgraded)'\(value.stringValue != nil ? " (midnight UTC)" : " (Unix time, UTC)")",
                field: pointer))
        return object.setting(key, .string(upgraded.description))
    }

    private func upgradeBadgeClass(
        _ badge: JSONValue, version: String, resolved: [String: JSONValue], diagnostics: inout [Diagnostic]
    ) -> JSONValue {
        var badge = badge
        if version == "0.5", badge["version"] != nil { badge = badge.removing("version") }
        if badge["type"] == nil { badge = Self.inserting(badge, "type", "BadgeClass", after: nil) }
        if var alignments = badge["alignment"]?.listValue, alignments.contains(where: { $0["name"] != nil && $0["targetName"] == nil }) {
            alignments = alignments.map { alignment in
                var upgraded = alignment
                for (old, new) in [("name", "targetName"), ("url", "targetUrl"), ("description", "targetDescription")] {
                    upgraded = Self.renaming(upgraded, old, to: new)
                }
                return upgraded
            }
            badge.set("alignment", .array(alignments))
            diagnostics.append(
                .note("ob2.legacy-upgraded", "alignment keys name/url/description read as targetName/targetUrl/targetDescription", field: "/badge/alignment"))
        }
        if let issuer = badge["issuer"] {
            var issuerObject = issuer
            if case .string(let id) = issuer, let found = resolved[id] {
                issuerObject = found.removing("@context")
                if issuerObject["id"] == nil { issuerObject = Self.inserting(issuerObject, "id", .string(id), after: nil) }
            }
            if issuerObject.isObject {
                if version == "0.5" {
                    issuerObject = Self.renaming(Self.renaming(issuerObject, "origin", to: "url"), "contact", to: "email")
                }
                if issuerObject["type"] == nil { issuerObject = Self.inserting(issuerObject, "type", "Profile", after: "id") }
            }
            badge.set("issuer", issuerObject)
        }
        return badge
    }

    // MARK: - Helpers

    static func renaming(_ object: JSONValue, _ old: String, to new: String) -> JSONValue {
        guard case .object(var members) = object, let index = members.firstIndex(where: { $0.key == old }),
            !members.contains(where: { $0.key == new })
        else { return object }
        members[index].key = new
        return .object(members)
    }

    /// `object` with `key` inserted after member `after` (first when `nil` or absent).
    static func inserting(_ object: JSONValue, _ key: String, _ value: JSONValue, after: String?) -> JSONValue {
        guard case .object(var members) = object else { return object }
        let position = after.flatMap { name in members.firstIndex { $0.key == name }.map { $0 + 1 } } ?? 0
        members.insert(JSONMember(key, value), at: min(position, members.count))
        return .object(members)
    }
}

extension String {
    fileprivate var trimmingQuotes: String {
        hasPrefix("\"") && hasSuffix("\"") && count >= 2 ? String(dropFirst().dropLast()) : self
    }
}
