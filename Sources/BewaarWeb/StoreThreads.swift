import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The threads on which the web's request handlers run (plan §2.3): the store's calls are
/// synchronous, and on PostgreSQL each one waits for the network. Run on Swift's cooperative
/// pool, which has one thread per core, two such waits would hold up every other request of a
/// 2-core server. ``RunOnStoreThreads`` gives each request this executor as its preference, so
/// its handler, and whatever it calls without an executor of its own, runs here, and a blocked
/// call holds one of these threads only.
///
/// One pool per process, made on first use, with ``threadCount`` threads that live as long as the
/// process (a server's requests come until it stops).
final class StoreThreads: TaskExecutor, @unchecked Sendable {
    static let shared = StoreThreads(threads: threadCount)

    /// 16, or four per core on a larger machine.
    static var threadCount: Int { max(16, 4 * ProcessInfo.processInfo.activeProcessorCount) }

    /// The prefix of the threads' names (as `top` and `gdb` show them).
    static let namePrefix = "bewaar-store-"

    /// Marks the pool's threads (a thread's name cannot be relied on to tell: Foundation does not
    /// always give a thread running executor jobs its own `Thread` object).
    private static let marker: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// True on a thread of the pool.
    static var isCurrent: Bool { pthread_getspecific(marker) != nil }

    private let condition = NSCondition()
    private var queue: [UnownedJob] = []
    private var head = 0

    /// A pool of its own (a test's, so other tests' requests do not share it); servers use
    /// ``shared``.
    init(threads: Int) {
        for number in 0..<threads {
            // Each thread keeps the pool alive: a pool, once made, lasts as long as the process.
            let thread = Thread { self.work() }
            thread.name = Self.namePrefix + String(number)
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        queue.append(job)
        condition.signal()
        condition.unlock()
    }

    func asUnownedTaskExecutor() -> UnownedTaskExecutor {
        UnownedTaskExecutor(ordinary: self)
    }

    private func work() {
        pthread_setspecific(Self.marker, UnsafeRawPointer(bitPattern: 1))
        while true {
            condition.lock()
            while head == queue.count { condition.wait() }
            let job = queue[head]
            head += 1
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
