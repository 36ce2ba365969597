import Foundation
import Synchronization

/// One instance of a class per thread, made once a thread has used the shared one a number of
/// times.
///
/// For state that every worker reads for every record (a compiled mapping): shared by several
/// threads, each use retains and releases the same objects, and every such count moves a cache
/// line from one core to another. A copy per thread keeps those counts on one core. Making a copy
/// costs something, so a thread first uses the shared instance, and only a thread that goes on
/// using it (a large input) gets its own.
///
/// The copies live as long as this object; a thread finds its own through a thread-specific key.
/// Where no key can be had, every thread shares the first instance.
public final class ThreadLocalCopies<Value: AnyObject & Sendable>: @unchecked Sendable {
    // Note: `@unchecked` because of the key: it is set once in `init` and only read afterwards;
    // the copies themselves are guarded by `made`.
    private var key = pthread_key_t()
    private let hasKey: Bool
    private let shared: Value
    private let usesBeforeCopy: Int
    private let make: @Sendable () -> Value
    /// Every copy made, which keeps them alive (the key only points at them).
    private let made = Mutex<[Value]>([])

    /// `shared`, used by each thread `usesBeforeCopy` times before `make` makes its own copy.
    public init(_ shared: Value, usesBeforeCopy: Int, make: @escaping @Sendable () -> Value) {
        self.shared = shared
        self.usesBeforeCopy = usesBeforeCopy
        self.make = make
        hasKey = pthread_key_create(&key, nil) == 0
    }

    deinit {
        if hasKey { pthread_key_delete(key) }
    }

    /// The calling thread's instance.
    public var value: Value {
        guard hasKey else { return shared }
        // The thread's slot holds its copy, or, until it has one, how many times it used the
        // shared instance: shifted and tagged with a set low bit, which an object's address
        // never has.
        let slot = Int(bitPattern: pthread_getspecific(key))
        if slot != 0, slot & 1 == 0, let copy = UnsafeRawPointer(bitPattern: slot) {
            return Unmanaged<Value>.fromOpaque(copy).takeUnretainedValue()
        }
        let uses = slot >> 1 + 1
        if uses <= usesBeforeCopy {
            pthread_setspecific(key, UnsafeRawPointer(bitPattern: uses << 1 | 1))
            return shared
        }
        let copy = make()
        made.withLock { $0.append(copy) }
        pthread_setspecific(key, Unmanaged.passUnretained(copy).toOpaque())
        return copy
    }

    /// How many copies the threads have made so far.
    public var count: Int { made.withLock(\.count) }
}
