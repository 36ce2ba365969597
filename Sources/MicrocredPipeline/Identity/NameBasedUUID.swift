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
        UUID(uuid: bytes(namespace: namespace, name: [name]))
    }

    /// The 16 bytes of the version 5 UUID of the parts of `name` joined, in `namespace`: the SHA-1
    /// digest of the namespace's bytes and the name's, gathered on the stack and hashed in one
    /// update, with the version (5) and variant (RFC 9562) bits set.
    private static func bytes(namespace: UUID, name: [String]) -> uuid_t {
        var hasher = Insecure.SHA1()
        withUnsafeBytes(of: namespace.uuid) { namespace in
            JoinedUTF8.withBytes(of: name, after: namespace) { hasher.update(bufferPointer: $0) }
        }
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { uuid in
            hasher.finalize().withUnsafeBytes { digest in uuid.copyBytes(from: digest.prefix(uuid.count)) }
        }
        uuid.6 = (uuid.6 & 0x0F) | 0x50
        uuid.8 = (uuid.8 & 0x3F) | 0x80
        return uuid
    }

    /// `urn:uuid:…` (lowercase) for `name` in microcred's namespace.
    public static func urn(for name: String) -> String {
        identifier(prefix: ["urn:uuid:"], name: [name])
    }

    /// The lowercase text (`8-4-4-4-12` hex digits) of the UUID of `name` in microcred's namespace.
    public static func text(for name: String) -> String {
        identifier(name: [name])
    }

    /// The parts of `prefix` joined, then the lowercase text of the UUID, in microcred's namespace,
    /// of the parts of `name` joined (hashed without joining them into a string first).
    public static func identifier(prefix: [String] = [], name: [String]) -> String {
        let uuid = bytes(namespace: microcredNamespace, name: name)
        return JoinedUTF8.withBytes(of: prefix) { prefix in
            withUnsafeBytes(of: uuid) { HexDigits.text(of: $0, after: prefix, hyphensBefore: [4, 6, 8, 10]) }
        }
    }
}
