import Foundation
import Synchronization
import BewaarDigest
import BewaarStore

/// A request budget per client (a token bucket per key): one client cannot lock every account
/// or keep the password hashing busy, nor flood the pupils' upload pages. Attempts beyond the
/// budget are answered at once, without touching any account.
///
/// The buckets are rows of the case store's `rate_buckets` (``CaseStore/takeRateToken``), so
/// every server behind the school's proxy counts against the same budget; a key is kept as its
/// SHA-256 (with the scope), never as the address itself.
final class LoginThrottle: Sendable {
    let store: CaseStore
    /// Which budget this is: `login`, `upload-client`, `upload-link`.
    let scope: String
    let capacity: Double
    let refillPerSecond: Double
    let clock: @Sendable () -> Date
    /// Takes counted in this process: full buckets are purged every so many.
    private let takes = Mutex(0)
    static let purgeEvery = 256
    /// What a client is told to wait when the store cannot count (it refuses rather than let
    /// attempts through uncounted).
    static let waitWhenUncounted = 30

    init(store: CaseStore, scope: String, capacity: Int, perMinute: Int, clock: @escaping @Sendable () -> Date) {
        self.store = store
        self.scope = scope
        self.capacity = Double(max(1, capacity))
        refillPerSecond = Double(max(1, perMinute)) / 60
        self.clock = clock
    }

    /// The key a client's bucket is stored under.
    static func key(_ client: String, scope: String) -> String { StreamingSHA256.digest(utf8: scope + "\u{0}" + client).hex }

    /// Takes one attempt from `client`'s budget. Nil when allowed, else the seconds to wait.
    func take(_ client: String) async -> Int? {
        let now = clock().timeIntervalSince1970
        do {
            let count = takes.withLock { n in
                n += 1
                return n
            }
            if count % Self.purgeEvery == 0 {
                try store.purgeRateBuckets(scope: scope, now: now, fullAfter: capacity / refillPerSecond)
            }
            let taken = try store.takeRateToken(
                scope: scope, key: Self.key(client, scope: scope), capacity: capacity, perSecond: refillPerSecond, now: now)
            if taken.granted { return nil }
            // Whole seconds to wait; a value read back from the database never traps (NaN, huge).
            let wait = ((1 - taken.tokens) / refillPerSecond).rounded(.up)
            guard wait.isFinite else { return Self.waitWhenUncounted }
            return Int(min(max(wait, 1), 86_400))
        } catch {
            return Self.waitWhenUncounted
        }
    }
}

/// Runs password hashing (scrypt, 128 MiB and a few hundred milliseconds each) off the server's
/// event loops and the cooperative pool, at most `running` at once with at most `waiting` queued:
/// a flood of logins gets "busy" answers instead of slowing every page.
actor PasswordWork {
    let running: Int
    let waiting: Int
    private var active = 0
    private var queue: [CheckedContinuation<Void, Never>] = []
    private let work = DispatchQueue(label: "bewaar.password", attributes: .concurrent)

    struct Busy: Error {}

    init(running: Int, waiting: Int) {
        self.running = max(1, running)
        self.waiting = max(0, waiting)
    }

    /// Runs `body` on a worker thread when a slot is free; throws ``Busy`` when the queue is full.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        if active >= running {
            guard queue.count < waiting else { throw Busy() }
            await withCheckedContinuation { queue.append($0) }
        } else {
            active += 1
        }
        defer { release() }
        let work = self.work
        return try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, any Error>) in
            work.async { c.resume(with: Result { try body() }) }
        }
    }

    private func release() {
        if queue.isEmpty { active -= 1 } else { queue.removeFirst().resume() }
    }
}
