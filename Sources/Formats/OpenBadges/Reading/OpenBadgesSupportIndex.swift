public import MicrocredModel
public import MicrocredPipeline

/// OB 2.0 supporting objects (BadgeClass, Issuer/Profile, CryptographicKey, RevocationList,
/// Endorsement) by id, gathered from all inputs of a batch before reading, so an assertion in one
/// file can refer to a BadgeClass in another. Nothing is fetched from the network.
///
/// The reader looks a reference up in its own input first (objects read so far, and later ones
/// within the same input), then here.
public final class OpenBadgesSupportIndex: Sendable {
    private let objects: [String: JSONValue]

    /// An index of `objects` by their `id`.
    public init(objects: [String: JSONValue] = [:]) {
        self.objects = objects
    }

    /// The object with `id`, if the batch has one.
    public func object(id: String) -> JSONValue? {
        objects[id]
    }

    /// The number of objects.
    public var count: Int { objects.count }

    /// Scans `inputs` for supporting objects: JSON files (one object, arrays, JSON Lines) and the
    /// embedded BadgeClass and Issuer objects of assertions. Images and standard input are skipped.
    /// - Returns: the index, and diagnostics for inputs that could not be scanned (they are read
    ///   again, and reported properly, when the batch runs).
    public static func scan(_ inputs: [InputSource]) -> (index: OpenBadgesSupportIndex, diagnostics: [Diagnostic]) {
        var objects: [String: JSONValue] = [:]
        var diagnostics: [Diagnostic] = []
        for input in inputs {
            guard case .file = input else { continue }
            do {
                let source = try input.open()
                let sample = try source.peek(16)
                if BakedImage.isImage(sample) || CompactJWS.looksLikeToken(sample) { continue }
                let splitter = JSONRecordSplitter(source: source)
                while let piece = try splitter.next() {
                    guard Self.mayHoldSupportingObjects(piece.bytes), let value = try? JSONParser.parse(piece.bytes) else { continue }
                    collect(value, into: &objects)
                }
            } catch let error as InputError {
                diagnostics.append(error.diagnostic)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        code: "openbadges.scan-failed", severity: .note, message: "'\(input.name)' could not be scanned for BadgeClass and Issuer objects",
                        location: SourceLocation(file: input.name)))
            }
        }
        return (OpenBadgesSupportIndex(objects: objects), diagnostics)
    }

    /// Adds the supporting objects in `value` (itself, or embedded in an assertion) to `objects`.
    static func collect(_ value: JSONValue, into objects: inout [String: JSONValue]) {
        switch OpenBadgesObjectKind.classify(value) {
        case .supporting:
            if let id = value["id"]?.stringValue, objects[id] == nil { objects[id] = value }
            if let issuer = value["issuer"], issuer.isObject { collect(issuer, into: &objects) }
        case .assertion:
            if let badge = value["badge"], badge.isObject {
                if let id = badge["id"]?.stringValue, objects[id] == nil { objects[id] = badge }
                if let issuer = badge["issuer"], issuer.isObject, let id = issuer["id"]?.stringValue, objects[id] == nil {
                    objects[id] = issuer
                }
            }
        default:
            break
        }
    }

    /// A cheap test that skips parsing records that cannot hold supporting objects.
    private static func mayHoldSupportingObjects(_ bytes: [UInt8]) -> Bool {
        let markers = ["BadgeClass", "Issuer", "Profile", "\"badge\"", "CryptographicKey", "RevocationList", "Endorsement", "\"criteria\""]
        return markers.contains { ByteSearch.contains(bytes, Array($0.utf8)) }
    }
}
