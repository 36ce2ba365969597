import Synchronization

/// The latest results of looking values up in the vocabularies, shared by every thread of a run.
///
/// A batch repeats the same few values on every record (a handful of countries, languages,
/// levels and fields of education), and working out a value's lookup keys costs several times
/// more than finding a remembered result. The cache holds at most ``capacity`` results; when full
/// it is emptied, so memory stays flat however many distinct values a batch has.
final class VocabularyMatchCache: Sendable {
    /// The most results kept.
    static let capacity = 4096

    private struct Key: Hashable {
        var kind: VocabularyKind
        var value: String
    }

    private let results = Mutex<[Key: VocabularyMatch?]>([:])

    /// The remembered result for `value` in `kind`, or `lookUp()`'s result, remembered.
    func match(_ value: String, in kind: VocabularyKind, lookUp: () -> VocabularyMatch?) -> VocabularyMatch? {
        let key = Key(kind: kind, value: value)
        if let known = results.withLock({ $0[key] }) { return known }
        let found = lookUp()
        results.withLock { results in
            if results.count >= Self.capacity { results.removeAll(keepingCapacity: true) }
            results[key] = found
        }
        return found
    }
}
