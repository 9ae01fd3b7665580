import Foundation

/// A per-client budget of login attempts (a token bucket per source address): one client
/// cannot lock every account or keep the password hashing busy. Attempts beyond the budget are
/// answered at once, without touching any account.
actor LoginThrottle {
    let capacity: Double
    let refillPerSecond: Double
    let clock: @Sendable () -> Date
    private var buckets: [String: (tokens: Double, at: Date)] = [:]
    /// Clients remembered at most (the oldest full buckets go first).
    static let remembered = 10_000

    init(capacity: Int, perMinute: Int, clock: @escaping @Sendable () -> Date) {
        self.capacity = Double(max(1, capacity))
        refillPerSecond = Double(max(1, perMinute)) / 60
        self.clock = clock
    }

    /// Takes one attempt from `client`'s budget. Nil when allowed, else the seconds to wait.
    func take(_ client: String) -> Int? {
        let now = clock()
        var b = buckets[client] ?? (capacity, now)
        b.tokens = min(capacity, b.tokens + max(0, now.timeIntervalSince(b.at)) * refillPerSecond)
        b.at = now
        guard b.tokens >= 1 else {
            buckets[client] = b
            return Int(((1 - b.tokens) / refillPerSecond).rounded(.up))
        }
        b.tokens -= 1
        if buckets.count >= Self.remembered { prune(now) }
        buckets[client] = b
        return nil
    }

    private func prune(_ now: Date) {
        buckets = buckets.filter { $0.value.tokens + now.timeIntervalSince($0.value.at) * refillPerSecond < capacity }
        if buckets.count >= Self.remembered { buckets.removeAll() }
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
