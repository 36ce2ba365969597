import Dispatch
import Foundation
import Synchronization

/// A fixed number of threads that run submitted work in submission order.
///
/// Each thread takes the next piece of work as soon as it has finished one, whichever group of
/// records it belongs to, so no thread waits for another to finish its share. The thread that
/// submits work may run some of it too, instead of waiting idle for it to be done
/// (``runWaitingWork()``). ``finish()`` lets the threads run out the work submitted and end.
///
/// The threads run a little below the priority of the thread that creates the pool (on Linux,
/// where a nice value belongs to a thread): that thread reads the records the pool processes,
/// and when there are more threads than cores an even share of the cores would leave it behind
/// and the pool waiting for records.
final class WorkerPool: Sendable {
    /// One piece of work, or `nil` telling the thread that takes it to end.
    private typealias Work = (@Sendable () -> Void)?

    /// Submitted work not yet taken, first at `head`.
    private struct Queue {
        var items: [Work] = []
        var head = 0

        mutating func take() -> Work {
            let work = items[head]
            head += 1
            if head * 2 >= items.count {
                items.removeFirst(head)
                head = 0
            }
            return work
        }
    }

    private let queue = Mutex(Queue())
    /// Signalled once per item put in the queue.
    private let submitted = DispatchSemaphore(value: 0)
    /// Signalled by each thread as it ends.
    private let ended = DispatchSemaphore(value: 0)
    private let threads: Int

    /// The size of each thread's stack, as large as the main thread's usual one: work may recurse
    /// into nested input as deep as the parsers allow.
    static let stackSize = 8 << 20

    /// Starts `threads` threads (at least one).
    init(threads: Int) {
        self.threads = max(threads, 1)
        for _ in 0..<self.threads {
            let thread = Thread { [self] in
                Self.lowerPriority()
                while let work = next() { work() }
                ended.signal()
            }
            thread.stackSize = Self.stackSize
            thread.start()
        }
    }

    /// Queues `work` to run on the next free thread.
    func submit(_ work: @escaping @Sendable () -> Void) {
        enqueue(work)
    }

    /// Runs the piece of work that has waited longest, on the calling thread, if any is waiting;
    /// returns whether it ran one.
    func runWaitingWork() -> Bool {
        guard submitted.wait(timeout: .now()) == .success else { return false }
        guard let work = queue.withLock({ $0.take() }) else {
            // The end of the work, which is for a pool thread to take.
            enqueue(nil)
            return false
        }
        work()
        return true
    }

    /// Waits until the work submitted so far has run, then ends the threads.
    func finish() {
        for _ in 0..<threads { enqueue(nil) }
        for _ in 0..<threads { ended.wait() }
    }

    /// How much lower than the creating thread's the pool threads' priority is, in nice steps:
    /// enough for the scheduler to favour the reading thread, which then keeps up, yet not so
    /// much that the pool threads are preempted each time it wakes.
    static let niceIncrement: Int32 = 4

    /// Lowers the calling thread's priority by ``niceIncrement`` (a thread starts with its
    /// creator's).
    private static func lowerPriority() {
        #if os(Linux)
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        errno = 0
        let current = getpriority(which, 0)
        guard errno == 0 else { return }
        setpriority(which, 0, min(current + niceIncrement, 19))
        #endif
    }

    private func enqueue(_ work: Work) {
        queue.withLock { $0.items.append(work) }
        submitted.signal()
    }

    private func next() -> Work {
        submitted.wait()
        return queue.withLock { $0.take() }
    }
}
