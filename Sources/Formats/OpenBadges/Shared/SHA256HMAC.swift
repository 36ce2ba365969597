import Crypto

/// HMAC-SHA256 (RFC 2104) of many short messages under one key: the key's inner and outer pads
/// are hashed once, and each message then costs the hashing of itself and of one digest.
///
/// swift-crypto's `HMAC<SHA256>` does the same work, but its `update(data:)` and `finalize()`
/// are generic over the hash function and the data and run as unspecialised generic code from
/// here, which cost twice the hashing itself for a salt-sized message. This type calls
/// `SHA256` directly; its codes are tested to equal `HMAC<SHA256>`'s.
struct SHA256HMAC: @unchecked Sendable {
    // Note: `SHA256` does not declare `Sendable`; it is a value whose state is copied on write,
    // and this type only reads its two states, copying them before use.
    /// The hash state after the key ⊕ ipad block.
    private var inner = SHA256()
    /// The hash state after the key ⊕ opad block.
    private var outer = SHA256()

    init(key: [UInt8]) {
        let blockSize = SHA256.blockByteCount
        var block = key.count > blockSize ? Array(SHA256.hash(data: key)) : key
        block += Array(repeating: 0, count: blockSize - block.count)
        (block.map { $0 ^ 0x36 }).withUnsafeBytes { inner.update(bufferPointer: $0) }
        (block.map { $0 ^ 0x5C }).withUnsafeBytes { outer.update(bufferPointer: $0) }
    }

    /// The authentication code of `message`.
    func code(for message: UnsafeRawBufferPointer) -> SHA256Digest {
        var inner = inner
        inner.update(bufferPointer: message)
        var outer = outer
        inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
        return outer.finalize()
    }
}
