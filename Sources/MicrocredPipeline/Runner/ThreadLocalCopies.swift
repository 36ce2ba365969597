import Foundation
import Synchronization

/// One instance of a class per thread, made on each thread's first use.
///
/// For state that every worker reads for every record (a compiled mapping): shared by several
/// threads, each use retains and releases the same objects, and every such count moves a cache
/// line from one core to another. A copy per thread keeps those counts on one core.
///
/// The copies live as long as this object; a thread finds its own through a thread-specific key.
/// Where no key can be had, every thread uses the shared instance.
public final class ThreadLocalCopies<Value: AnyObject & Sendable>: @unchecked Sendable {
    // Note: `@unchecked` because of the key: it is set once in `init` and only read afterwards;
    // the copies themselves are guarded by `made`.
    private var key = pthread_key_t()
    private let hasKey: Bool
    private let shared: Value
    private let make: @Sendable () -> Value
    /// Every copy made, which keeps them alive (the key only points at them).
    private let made = Mutex<[Value]>([])

    /// Copies made by `make`, one per thread; `shared` where threads cannot have their own.
    public init(shared: Value, make: @escaping @Sendable () -> Value) {
        self.shared = shared
        self.make = make
        hasKey = pthread_key_create(&key, nil) == 0
    }

    deinit {
        if hasKey { pthread_key_delete(key) }
    }

    /// The calling thread's instance.
    public var value: Value {
        guard hasKey else { return shared }
        if let copy = pthread_getspecific(key) { return Unmanaged<Value>.fromOpaque(copy).takeUnretainedValue() }
        let copy = make()
        made.withLock { $0.append(copy) }
        pthread_setspecific(key, Unmanaged.passUnretained(copy).toOpaque())
        return copy
    }

    /// How many copies the threads have made so far.
    public var count: Int { made.withLock(\.count) }
}
