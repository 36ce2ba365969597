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
    /// digest of the namespace's bytes and the name's, in one buffer hashed at once, with the
    /// version (5) and variant (RFC 9562) bits set.
    private static func bytes(namespace: UUID, name: [String]) -> uuid_t {
        let count = name.reduce(MemoryLayout<uuid_t>.size) { $0 + $1.utf8.count }
        let digest = withUnsafeTemporaryAllocation(byteCount: count, alignment: 1) { buffer in
            withUnsafeBytes(of: namespace.uuid) { buffer.copyMemory(from: $0) }
            var end = MemoryLayout<uuid_t>.size
            for var part in name {
                end += part.withUTF8 { part in
                    UnsafeMutableRawBufferPointer(rebasing: buffer[end...]).copyMemory(from: UnsafeRawBufferPointer(part))
                    return part.count
                }
            }
            var hasher = Insecure.SHA1()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
            return hasher.finalize()
        }
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { uuid in digest.withUnsafeBytes { uuid.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(16))) } }
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
        let prefixCount = prefix.reduce(0) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: prefixCount + 36) { text in
            var end = 0
            for var part in prefix {
                end += part.withUTF8 { UnsafeMutableBufferPointer(rebasing: text[end...]).initialize(fromContentsOf: $0) }
            }
            withUnsafeBytes(of: uuid) { bytes in
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[end] = UInt8(ascii: "-")
                        end += 1
                    }
                    text[end] = hexDigit(byte >> 4)
                    text[end + 1] = hexDigit(byte & 0x0F)
                    end += 2
                }
            }
            return end
        }
    }

    /// The lowercase hexadecimal digit of `nibble` (0...15).
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
