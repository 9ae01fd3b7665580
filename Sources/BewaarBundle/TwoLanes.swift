import Dispatch

/// Runs two pieces of work on the two cores at once and waits for both (used per chunk:
/// SHA-256 + CRC on one lane, SHA-512 + compression + writing on the other). The first
/// error thrown by either lane is rethrown.
enum TwoLanes {
    private final class Box: @unchecked Sendable {
        var error: (any Error)?
        let a: () throws -> Void
        let b: () throws -> Void
        init(_ a: @escaping () throws -> Void, _ b: @escaping () throws -> Void) { self.a = a; self.b = b }
    }

    /// Whether to use two threads; small chunks are cheaper on one.
    static func run(parallel: Bool, _ a: () throws -> Void, _ b: () throws -> Void) throws {
        guard parallel else {
            try a()
            try b()
            return
        }
        try withoutActuallyEscaping(a) { a in
            try withoutActuallyEscaping(b) { b in
                let box = Box(a, b)
                let lock = DispatchSemaphore(value: 1)
                DispatchQueue.concurrentPerform(iterations: 2) { lane in
                    do {
                        if lane == 0 { try box.a() } else { try box.b() }
                    } catch {
                        lock.wait()
                        box.error = box.error ?? error
                        lock.signal()
                    }
                }
                if let e = box.error { throw e }
            }
        }
    }
}
