import Foundation
import Synchronization

/// Remembers, per search, whether it has more hits than the timeline sorts by time
/// (``CaseStore/searchSortLimit``). Finding that out looks up every hit's record — half of a
/// search page's work on a large case — and the answer only changes when records, marks or
/// withdrawals do: it is kept while a stamp of those is unchanged, for at most a minute. A stale
/// answer could only change the order the hits are shown in, never which hits are found.
final class SearchOrderMemory: Sendable {
    private struct Entry {
        var stamp: String
        var many: Bool
        var at: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    private static let capacity = 256
    private static let lifetime: TimeInterval = 60

    /// The remembered answer for `key` under `stamp`, or `compute`'s (then remembered).
    func many(key: String, stamp: String, now: Date = Date(), compute: () throws -> Bool) rethrows -> Bool {
        if let e = entries.withLock({ $0[key] }), e.stamp == stamp, now.timeIntervalSince(e.at) < Self.lifetime {
            return e.many
        }
        let many = try compute()
        entries.withLock { table in
            if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
            table[key] = Entry(stamp: stamp, many: many, at: now)
        }
        return many
    }
}
