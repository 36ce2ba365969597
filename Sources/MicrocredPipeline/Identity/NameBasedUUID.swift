import ByteOutput
import Crypto
public import Foundation

/// Name-based (version 5, SHA-1) UUIDs: the same namespace and name always give the same UUID,
/// so identifiers derived from source ids are stable from one run to the next.
public enum NameBasedUUID {
    /// The namespace for identifiers microcred derives (itself a v5 UUID of the URL namespace).
    public static let microcredNamespace = make(
        namespace: UUID(uuidString: "6ba7b811-9dad-11d1-80b4-00c04fd430c8")!, name: "https://microcred.invalid/ids")

    /// The version 5 UUID of `name` in `namespace` (RFC 9562 §5.5).
    public static func make(namespace: UUID, name: String) -> UUID {
        var hasher = hasher(namespace: namespace)
        hasher.update(utf8: name)
        return UUID(uuid: uuid(finishing: hasher))
    }

    /// `urn:uuid:…` (lowercase) for `name` in microcred's namespace.
    public static func urn(for name: String) -> String {
        identifier(of: name, after: "urn:uuid:")
    }

    /// The lowercase text (`8-4-4-4-12` hex digits) of the UUID of `name` in microcred's namespace.
    public static func text(for name: String) -> String {
        identifier(of: name, after: "")
    }

    /// The UUIDs, in microcred's namespace, of names that all begin with the same text, the stem:
    /// the namespace and the stem are hashed once, and each name then only its end.
    public struct Stem {
        private let hashed: Insecure.SHA1

        /// The UUIDs of names that begin with `stem`.
        public init(_ stem: String) {
            var hasher = NameBasedUUID.hasher(namespace: microcredNamespace)
            hasher.update(utf8: stem)
            hashed = hasher
        }

        /// `prefix`, then the lowercase text of the UUID of the stem followed by `end`.
        public func identifier(prefix: String, end: String) -> String {
            var hasher = hashed
            hasher.update(utf8: end)
            return NameBasedUUID.text(finishing: hasher, after: prefix)
        }
    }

    /// `prefix`, then the lowercase text of the UUID of `name` in microcred's namespace.
    private static func identifier(of name: String, after prefix: String) -> String {
        var hasher = hasher(namespace: microcredNamespace)
        hasher.update(utf8: name)
        return text(finishing: hasher, after: prefix)
    }

    /// A SHA-1 hasher that has hashed the bytes of `namespace`.
    private static func hasher(namespace: UUID) -> Insecure.SHA1 {
        var hasher = Insecure.SHA1()
        withUnsafeBytes(of: namespace.uuid) { hasher.update(bufferPointer: $0) }
        return hasher
    }

    /// `prefix`, then the lowercase text of the UUID whose name `hasher` has hashed.
    private static func text(finishing hasher: Insecure.SHA1, after prefix: String) -> String {
        withUnsafeBytes(of: uuid(finishing: hasher)) { uuid in
            var prefix = prefix
            return prefix.withUTF8 { HexDigits.text(of: uuid, after: UnsafeRawBufferPointer($0), hyphensBefore: [4, 6, 8, 10]) }
        }
    }

    /// The 16 bytes of the UUID whose name `hasher` has hashed: the first bytes of the SHA-1
    /// digest, with the version (5) and variant (RFC 9562) bits set.
    private static func uuid(finishing hasher: Insecure.SHA1) -> uuid_t {
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { uuid in
            hasher.finalize().withUnsafeBytes { digest in uuid.copyBytes(from: digest.prefix(uuid.count)) }
        }
        uuid.6 = (uuid.6 & 0x0F) | 0x50
        uuid.8 = (uuid.8 & 0x3F) | 0x80
        return uuid
    }
}

extension Insecure.SHA1 {
    /// Hashes the UTF-8 bytes of `text`.
    fileprivate mutating func update(utf8 text: String) {
        var text = text
        text.withUTF8 { update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }
}
