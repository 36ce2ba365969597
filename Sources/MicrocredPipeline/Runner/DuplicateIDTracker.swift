/// Remembers the ids of credentials written so far in a run, to find duplicates
/// (`batch.duplicate-credential-id`).
///
/// It keeps 64-bit FNV-1a digests rather than the ids, so a run of millions of records stays
/// small in memory; two different ids share a digest with negligible probability.
struct DuplicateIDTracker {
    private var seen: Set<UInt64> = []

    /// Adds `id`; returns `false` if it was already there.
    mutating func insert(_ id: String) -> Bool {
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            digest ^= UInt64(byte)
            digest = digest &* 0x0000_0100_0000_01B3
        }
        return seen.insert(digest).inserted
    }

    /// The code of the duplicate-id finding (a rule `--disable-rule` can switch off).
    static let code = "batch.duplicate-credential-id"

    /// The diagnostic for a duplicate `id`.
    static func duplicate(_ id: String) -> Diagnostic {
        .error(
            code, "credential id '\(id)' occurs earlier in this batch",
            hint: "each credential needs its own id; remove the duplicate row or give it a distinct id", field: "id")
    }
}
