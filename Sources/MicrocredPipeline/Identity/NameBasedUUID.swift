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
        var bytes = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        bytes.append(contentsOf: Array(name.utf8))
        var digest = Array(Insecure.SHA1.hash(data: bytes).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
                digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]
            ))
    }

    /// `urn:uuid:…` (lowercase) for `name` in microcred's namespace.
    public static func urn(for name: String) -> String {
        "urn:uuid:" + text(for: name)
    }

    /// The lowercase text (`8-4-4-4-12` hex digits) of the UUID of `name` in microcred's namespace.
    public static func text(for name: String) -> String {
        let uuid = make(namespace: microcredNamespace, name: name)
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        withUnsafeBytes(of: uuid.uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
