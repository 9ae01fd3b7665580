import Foundation

/// A clock the test controls: it starts at `start`, moves `tick` seconds forward at every
/// reading (so each event has its own time; 0 keeps it still) and jumps by `advance(_:)`.
public final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private let tick: TimeInterval

    public init(_ start: Date = Date(), tick: TimeInterval = 0) {
        current = start
        self.tick = tick
    }

    public var now: Date {
        lock.lock(); defer { lock.unlock() }
        current = current.addingTimeInterval(tick)
        return current
    }

    /// Moves the clock `seconds` forward (session expiry, lock-outs, link lifetimes).
    public func advance(_ seconds: TimeInterval) {
        lock.lock(); defer { lock.unlock() }
        current = current.addingTimeInterval(seconds)
    }
}
