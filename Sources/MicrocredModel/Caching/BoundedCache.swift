public import Synchronization

/// Results worked out once and shared by every thread of a run, at most ``capacity`` of them:
/// when full the cache is emptied, so memory stays flat however many distinct keys a batch has.
///
/// Made for the few values a batch repeats on every record (its countries, languages, sets of
/// extension terms), where finding a remembered result costs much less than working it out.
public final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// The most results kept.
    public let capacity: Int

    @usableFromInline let results: Mutex<[Key: Value]>

    /// An empty cache of at most `capacity` results.
    public init(capacity: Int) {
        self.capacity = capacity
        results = Mutex([:])
    }

    /// The remembered value for `key`, or `make()`'s, remembered.
    ///
    /// Inlinable, so that a cache used from another module is specialized for its key and value
    /// there: an unspecialized look-up costs more than many of the results it remembers.
    @inlinable
    public func value(for key: Key, make: () -> Value) -> Value {
        if let known = results.withLock({ $0[key] }) { return known }
        let made = make()
        results.withLock { results in
            if results.count >= capacity { results.removeAll(keepingCapacity: true) }
            results[key] = made
        }
        return made
    }
}
