/// Remembers the ids of credentials written so far in a run, to find duplicates
/// (`batch.duplicate-credential-id`), in memory that does not grow with the batch.
///
/// It keeps 64-bit FNV-1a digests rather than the ids; two different ids share a digest with
/// negligible probability. The most recent digests are held in a set; when it is full they are
/// sorted into a run in a temporary file and added to a fixed-size Bloom filter. An id whose
/// digest is not in the set and not in the filter is new (the common case, answered in memory);
/// otherwise the runs on disk decide. If no temporary file can be made, digests stay in memory.
final class DuplicateIDTracker {
    /// The code of the duplicate-id finding (a rule `--disable-rule` can switch off).
    static let code = "batch.duplicate-credential-id"

    private let recentCapacity: Int
    private var recent: Set<UInt64>
    private var spilled: SpilledDigestRuns?
    private var filter: BloomFilter?
    private var spillUnavailable = false

    /// - Parameter recentCapacity: digests kept in memory before they are spilled to disk.
    init(recentCapacity: Int = 1 << 16) {
        self.recentCapacity = recentCapacity
        recent = Set(minimumCapacity: recentCapacity)
    }

    /// Adds `id`; returns `false` if it was already there.
    func insert(_ id: String) -> Bool {
        let digest = Self.digest(id)
        if recent.contains(digest) { return false }
        if let filter, filter.mightContain(digest), spilled?.contains(digest) ?? false { return false }
        recent.insert(digest)
        if recent.count >= recentCapacity, !spillUnavailable { spill() }
        return true
    }

    /// Moves the recent digests into a sorted run on disk and into the filter.
    private func spill() {
        if spilled == nil {
            guard let runs = SpilledDigestRuns() else {
                spillUnavailable = true
                return
            }
            spilled = runs
            filter = BloomFilter()
        }
        let sorted = recent.sorted()
        guard spilled?.append(sorted) == true else {
            spillUnavailable = true
            return
        }
        for digest in sorted { filter?.insert(digest) }
        recent.removeAll(keepingCapacity: true)
    }

    /// The 64-bit FNV-1a digest of `id`'s UTF-8 bytes.
    static func digest(_ id: String) -> UInt64 {
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            digest ^= UInt64(byte)
            digest = digest &* 0x0000_0100_0000_01B3
        }
        return digest
    }

    /// The diagnostic for a duplicate `id`.
    static func duplicate(_ id: String) -> Diagnostic {
        .error(
            code, "credential id '\(id)' occurs earlier in this batch",
            hint: "each credential needs its own id; remove the duplicate row or give it a distinct id", field: "id")
    }
}
