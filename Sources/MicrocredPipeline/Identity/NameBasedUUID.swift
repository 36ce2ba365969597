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
        let digest = bytes(namespace: namespace, name: [name])
        return UUID(
            uuid: (
                digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
                digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]
            ))
    }

    /// The 16 bytes of the version 5 UUID of `name` in `namespace`.
    private static func bytes(namespace: UUID, name: [String]) -> [UInt8] {
        hasher(namespace: namespace, name: name).finalize().prefix(16).enumerated().map { versioned($1, at: $0) }
    }

    /// A SHA-1 hasher fed the namespace's bytes, then those of each part of the name.
    private static func hasher(namespace: UUID, name: [String]) -> Insecure.SHA1 {
        var hasher = Insecure.SHA1()
        withUnsafeBytes(of: namespace.uuid) { hasher.update(bufferPointer: $0) }
        for var part in name {
            part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hasher
    }

    /// Byte `index` of a SHA-1 digest as byte `index` of a version 5 UUID: the version (5) and
    /// variant (RFC 9562) bits set.
    private static func versioned(_ byte: UInt8, at index: Int) -> UInt8 {
        switch index {
        case 6: (byte & 0x0F) | 0x50
        case 8: (byte & 0x3F) | 0x80
        default: byte
        }
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
    /// of the parts of `name` joined (hashed part by part, without joining them).
    public static func identifier(prefix: [String] = [], name: [String]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(prefix.reduce(36) { $0 + $1.utf8.count })
        for part in prefix { text.append(contentsOf: part.utf8) }
        for (index, byte) in bytes(namespace: microcredNamespace, name: name).enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
