import MicrocredModel
import MicrocredPipeline

/// Reads Open Badges inputs of every shape — one JSON object, a JSON array, JSON Lines, compact
/// JWS / VC-JWT tokens one per line, a baked PNG or SVG image — and hands each credential or
/// assertion to the decoder for its version, whichever format id selected the reader.
///
/// OB 2.0 BadgeClass, Issuer and other supporting objects are not records: the reader keeps
/// them to resolve the references of assertions (in this input, then in the batch index) and
/// skips them. An assertion whose references are not resolved yet waits until they are, the
/// input ends, or too many records wait; records are handed on in input order.
final class OpenBadgesReader: RecordReader {
    /// The most records that wait for a reference before the oldest is handed on unresolved.
    static let pendingLimit = 4096

    private enum Mode {
        case json(JSONRecordSplitter)
        case tokens([UInt8], offset: Int)
        case image
        case finished
    }

    private struct Pending {
        var location: SourceLocation
        var raw: JSONValue
        var document: JSONValue?
        var token: String?
        var container: String?
        var problems: [Diagnostic]
        var isAssertion: Bool
    }

    private let source: ByteSource
    private let index: OpenBadgesSupportIndex?
    private let ob3Decoder: OB3Decoder
    private let ob2Decoder: OB2Decoder
    private var mode: Mode?
    private var queue: [Pending] = []
    private var local: [String: JSONValue] = [:]
    private var count = 0
    private var exhausted = false

    init(source: ByteSource, context: FormatContext, index: OpenBadgesSupportIndex?) {
        self.source = source
        self.index = index
        let configured = context.options["extension-context"].flatMap { $0 == "inline" ? nil : $0 }
        self.ob3Decoder = OB3Decoder(
            today: context.environment.today, configuredContextURL: configured, keepsUnmappedFields: context.keepsUnmappedFields)
        self.ob2Decoder = OB2Decoder(
            today: context.environment.today, configuredContextURL: configured, keepsUnmappedFields: context.keepsUnmappedFields)
    }

    var bytesRead: Int { source.bytesRead }

    func next() throws(Diagnostic) -> SourceRecord? {
        while true {
            if let record = takeReady() { return record }
            if exhausted { return nil }
            try readMore()
        }
    }

    // MARK: - Emission in order

    private func takeReady() -> SourceRecord? {
        guard var head = queue.first else { return nil }
        if head.isAssertion, let document = head.document {
            let resolution = resolve(document)
            let mustGo = exhausted || queue.count > Self.pendingLimit
            guard resolution.missing.isEmpty || mustGo else { return nil }
            for missing in resolution.missing {
                head.problems.append(
                    Diagnostic(
                        code: "ob2.unresolved-reference", severity: missing.isBadge ? .error : .warning,
                        message: "the \(missing.isBadge ? "BadgeClass" : "Issuer") '\(missing.id)' is not in this input or the batch",
                        hint: "add the \(missing.isBadge ? "BadgeClass" : "Issuer") JSON (with \"id\": \"\(missing.id)\") to the batch; nothing is fetched",
                        location: SourceLocation(field: missing.isBadge ? "/badge" : "/badge/issuer")))
            }
            queue.removeFirst()
            return record(head, resolved: resolution.objects)
        }
        queue.removeFirst()
        return record(head, resolved: [:])
    }

    private func record(_ pending: Pending, resolved: [String: JSONValue]) -> SourceRecord {
        let decoder: any RecordDecoder = pending.isAssertion ? ob2Decoder : ob3Decoder
        var payload: OpenBadgesPayload?
        if let document = pending.document {
            payload = OpenBadgesPayload(document: document, token: pending.token, container: pending.container, resolved: resolved)
        }
        return SourceRecord(location: pending.location, raw: pending.raw, problems: pending.problems, decoder: decoder, payload: payload)
    }

    private struct Missing {
        var id: String
        var isBadge: Bool
    }

    private func resolve(_ assertion: JSONValue) -> (objects: [String: JSONValue], missing: [Missing]) {
        var objects: [String: JSONValue] = [:]
        var missing: [Missing] = []
        var badge = assertion["badge"]
        if case .string(let id)? = badge {
            if let found = lookup(id) {
                objects[id] = found
                badge = found
            } else {
                missing.append(Missing(id: id, isBadge: true))
                badge = nil
            }
        }
        if case .string(let id)? = badge?["issuer"] {
            if let found = lookup(id) { objects[id] = found } else { missing.append(Missing(id: id, isBadge: false)) }
        }
        return (objects, missing)
    }

    private func lookup(_ id: String) -> JSONValue? {
        local[id] ?? index?.object(id: id)
    }

    // MARK: - Reading

    private func readMore() throws(Diagnostic) {
        if mode == nil { mode = try detectMode() }
        switch mode {
        case .json(let splitter):
            let piece: JSONRecordSplitter.Piece?
            do {
                piece = try splitter.next()
            } catch let error as JSONSplitError {
                exhausted = true
                mode = .finished
                if queue.isEmpty {
                    throw Diagnostic(
                        code: "json.malformed", severity: .error, message: error.message,
                        hint: "the rest of the input cannot be split into records", location: SourceLocation(line: error.line))
                }
                queue.append(
                    pending(
                        raw: .null, line: error.line,
                        problem: .error("json.malformed", error.message, hint: "the rest of the input cannot be split into records")))
                return
            } catch let error as InputError {
                throw error.diagnostic
            } catch {
                throw Diagnostic.error("json.malformed", "\(error)")
            }
            guard let piece else {
                exhausted = true
                mode = .finished
                return
            }
            do {
                let value = try JSONParser.parse(piece.bytes)
                accept(value, line: piece.line, token: nil, container: nil)
            } catch {
                let problem = Diagnostic(
                    code: "json.malformed", severity: .error, message: error.message,
                    hint: "each record must be one well-formed JSON object",
                    location: SourceLocation(line: piece.line + error.line - 1, column: error.column))
                queue.append(pending(raw: .string(String(decoding: piece.bytes, as: UTF8.self)), line: piece.line, problem: problem))
            }
        case .tokens(let bytes, let offset):
            var start = offset
            while start < bytes.count, Self.isSpace(bytes[start]) { start += 1 }
            guard start < bytes.count else {
                exhausted = true
                mode = .finished
                return
            }
            var end = start
            while end < bytes.count, !Self.isSpace(bytes[end]) { end += 1 }
            let line = 1 + bytes[..<start].filter { $0 == 0x0A }.count
            mode = .tokens(bytes, offset: end)
            acceptToken(String(decoding: bytes[start..<end], as: UTF8.self), line: line, container: nil)
        case .image:
            exhausted = true
            mode = .finished
            try readImage()
        case .finished, nil:
            exhausted = true
        }
    }

    private func detectMode() throws(Diagnostic) -> Mode {
        let sample: ArraySlice<UInt8>
        do {
            sample = try source.peek(512)
        } catch {
            throw error.diagnostic
        }
        if BakedImage.isImage(sample) { return .image }
        if CompactJWS.looksLikeToken(sample) {
            do {
                return .tokens(try source.readAll(limit: JSONRecordSplitter.maximumRecordSize), offset: 0)
            } catch {
                throw error.diagnostic
            }
        }
        return .json(JSONRecordSplitter(source: source))
    }

    private func readImage() throws(Diagnostic) {
        let bytes: [UInt8]
        do {
            bytes = try source.readAll()
        } catch {
            throw error.diagnostic
        }
        do {
            switch try BakedImage.content(of: bytes) {
            case .text(let text, let container):
                if CompactJWS.looksLikeToken(Array(text.utf8)) {
                    acceptToken(text, line: nil, container: container)
                } else {
                    do {
                        accept(try JSONParser.parse(text), line: nil, token: nil, container: container)
                    } catch {
                        queue.append(
                            pending(
                                raw: .string(text), line: nil,
                                problem: .error(
                                    "openbadges.baked-json-malformed", "the JSON baked into the \(container.uppercased()) image is malformed: \(error.message)")))
                    }
                }
            case .hostedReference(let url, let container):
                queue.append(pending(raw: .string(url), line: nil, problem: Self.hostedProblem(url, container: container)))
            case .notBaked(let container):
                queue.append(
                    pending(
                        raw: .null, line: nil,
                        problem: .error(
                            "openbadges.image-not-baked", "the \(container.uppercased()) image carries no badge",
                            hint: "only baked images (iTXt 'openbadges'/'openbadgecredential', <openbadges:…>) hold credentials")))
            }
        } catch {
            queue.append(pending(raw: .null, line: nil, problem: error))
        }
    }

    static func hostedProblem(_ url: String, container: String?) -> Diagnostic {
        .error(
            "openbadges.hosted-assertion-needed",
            "the \(container.map { $0.uppercased() + " image" } ?? "record") refers to a hosted assertion at '\(url)', which is not fetched",
            hint: "download the assertion (and its BadgeClass and Issuer) and convert those files")
    }

    // MARK: - Records

    private func acceptToken(_ token: String, line: Int?, container: String?) {
        do {
            let jws = try CompactJWS.decode(token)
            accept(jws.payload, line: line, token: jws.token, container: container)
        } catch {
            queue.append(
                pending(
                    raw: .string(token), line: line,
                    problem: .error("openbadges.invalid-jws", "the token cannot be decoded: \(error.message)")))
        }
    }

    private func accept(_ value: JSONValue, line: Int?, token: String?, container: String?) {
        if case .string(let text) = value, CompactJWS.looksLikeToken(Array(text.utf8)) {
            acceptToken(text, line: line, container: container)
            return
        }
        switch OpenBadgesObjectKind.classify(value) {
        case .credential:
            queue.append(pending(raw: value, line: line, document: value, token: token, container: container, isAssertion: false))
        case .learnerRecord:
            let embedded = value["credentialSubject"]?["verifiableCredential"]?.listValue ?? []
            for (position, credential) in embedded.enumerated() {
                var item = pending(raw: credential, line: line, document: credential, token: nil, container: container, isAssertion: false)
                item.location.field = "/credentialSubject/verifiableCredential/\(position)"
                if case .string(let text) = credential {
                    if let jws = try? CompactJWS.decode(text) {
                        item.document = jws.payload
                        item.token = jws.token
                    } else {
                        item.problems.append(.error("openbadges.invalid-jws", "an embedded credential string is not a compact JWS"))
                    }
                }
                queue.append(item)
            }
        case .assertion:
            OpenBadgesSupportIndex.collect(value, into: &local)
            queue.append(pending(raw: value, line: line, document: value, token: token, container: container, isAssertion: true))
        case .supporting:
            OpenBadgesSupportIndex.collect(value, into: &local)
        case .hostedReference(let url):
            queue.append(pending(raw: value, line: line, problem: Self.hostedProblem(url, container: container)))
        case .unknown:
            queue.append(
                pending(
                    raw: value, line: line,
                    problem: .error(
                        "openbadges.unrecognised-object",
                        "the object is neither a credential, an assertion nor a BadgeClass/Issuer (no 'type', 'recipient' or 'credentialSubject')",
                        hint: "check that this is Open Badges data")))
        }
    }

    private func pending(
        raw: JSONValue, line: Int?, document: JSONValue? = nil, token: String? = nil, container: String? = nil,
        isAssertion: Bool = false, problem: Diagnostic? = nil
    ) -> Pending {
        count += 1
        return Pending(
            location: SourceLocation(file: source.name, line: line, record: count), raw: raw, document: document, token: token,
            container: container, problems: problem.map { [$0] } ?? [], isAssertion: isAssertion)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
