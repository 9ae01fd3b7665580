import BewaarPostgresTestSupport
import BewaarModel
import BewaarStore
import Foundation
import Testing

@testable import BewaarStorePostgres

/// The chain, numbering and destruction-log guarantees under two servers at once, written once
/// and run on PostgreSQL (``PostgresChainTests``) and on SQLite (``SQLiteChainTests``). Each
/// runs its blocking work on threads of its own and hands back what it found; the tests check
/// it in their own task.
enum ChainBehaviour {
    // The checks, called from each store's test (so they run in the test's own task).

    /// 4 threads on two servers × 250 appends to one case's chain: 1,001 events, one unbroken
    /// chain, its recorded head the last event.
    static func appendsMakeOneChain(_ kind: TestDatabase.Kind) async throws {
        let done = try await concurrentAppends(.made(kind))
        #expect(done.errors == [])
        #expect(done.report.intact, "\(done.report.problems.map(\.english))")
        #expect(done.report.eventCount == 1001)
        #expect(done.headCount == 1001)
        #expect(done.headIsLastEvent)
    }

    /// The store's own chain started by two servers at once: one chain of 200 events.
    static func theStoreChainStartsOnce(_ kind: TestDatabase.Kind) async throws {
        let done = try await concurrentStoreChain(.made(kind))
        #expect(done.errors == [])
        #expect(done.report.intact && done.report.eventCount == 200 && done.headCount == 200 && done.headIsLastEvent)
    }

    /// 200 cases opened by two servers at once: numbers 1…200, each case's chain begun.
    static func openingsNumberWithoutGaps(_ kind: TestDatabase.Kind) async throws {
        let done = try await concurrentOpenings(.made(kind))
        #expect(done.errors == [])
        #expect(done.numbers == Array(1...200))
        #expect(done.intactChains == 200)
    }

    /// 100 destruction-log entries by two servers at once: one log that checks out.
    static func theDestructionLogStaysOneChain(_ kind: TestDatabase.Kind) async throws {
        let done = try await concurrentDestructionLog(.made(kind))
        #expect(done.errors == [])
        #expect(done.entries == 100)
        #expect(done.problems == [])
    }

    // The runs: blocking work on threads of their own, handing back what they found.

    /// What a run of concurrent appends to one chain left behind.
    struct Appended: Sendable {
        var errors: [String]
        var report: ChainReport
        /// The head row's count, and whether its hash is the last event's.
        var headCount: Int
        var headIsLastEvent: Bool
    }

    /// `threads` threads on two servers append `times` events each to one case's chain.
    static func concurrentAppends(_ s: TwoServers, threads: Int = 4, times: Int = 250) async throws -> Appended {
        try await offThread {
            let chain = try s.servers[0].write(retryable: false) { c in try s.openCase(year: 2026, in: c) }.description
            let errors = try s.hammer(threads: threads, times: times) { c, thread, n in
                try s.append(to: chain, details: ["server": "\(thread % 2)", "thread": "\(thread)", "n": "\(n)"], in: c)
            }
            return try s.servers[1].read { c in
                let report = try TwoServers.verify(chain, in: c)
                let head = try c.fetchOne("SELECT count, head FROM chain_heads WHERE chain = ?1", [.text(chain)])
                return Appended(
                    errors: errors.map { "\($0)" }, report: report, headCount: Int(head?[0].int ?? -1),
                    headIsLastEvent: head?[1].text != nil && head?[1].text == report.headHash)
            }
        }
    }

    /// `threads` threads on two servers each append `times` first events to the store's own
    /// chain, which has no head yet (made by whichever comes first).
    static func concurrentStoreChain(_ s: TwoServers, threads: Int = 4, times: Int = 50) async throws -> Appended {
        try await offThread {
            let chain = CaseStore.storeChain
            let errors = try s.hammer(threads: threads, times: times) { c, thread, n in
                try s.append(to: chain, action: "store-checked", details: ["thread": "\(thread)", "n": "\(n)"], in: c)
            }
            return try s.servers[0].read { c in
                let report = try TwoServers.verify(chain, in: c)
                let head = try c.fetchOne("SELECT count, head FROM chain_heads WHERE chain = ?1", [.text(chain)])
                return Appended(
                    errors: errors.map { "\($0)" }, report: report, headCount: Int(head?[0].int ?? -1),
                    headIsLastEvent: head?[1].text != nil && head?[1].text == report.headHash)
            }
        }
    }

    /// What concurrent openings of cases left behind.
    struct Opened: Sendable {
        var errors: [String]
        /// The numbers of 2026's cases, in order.
        var numbers: [Int]
        /// How many of the cases' chains hold exactly their `case-opened` event, intact.
        var intactChains: Int
    }

    /// `threads` threads on two servers each open `times` cases of 2026.
    static func concurrentOpenings(_ s: TwoServers, threads: Int = 4, times: Int = 50) async throws -> Opened {
        try await offThread {
            let errors = try s.hammer(threads: threads, times: times) { c, _, _ in _ = try s.openCase(year: 2026, in: c) }
            return try s.servers[1].read { c in
                let ids = try c.fetch("SELECT id, number FROM cases WHERE year = 2026 ORDER BY number")
                var intact = 0
                for row in ids {
                    let report = try TwoServers.verify(row[0].text ?? "", in: c)
                    if report.intact && report.eventCount == 1 { intact += 1 }
                }
                return Opened(errors: errors.map { "\($0)" }, numbers: ids.map { Int($0[1].int ?? 0) }, intactChains: intact)
            }
        }
    }

    /// What concurrent appends to the destruction log left behind.
    struct Logged: Sendable {
        var errors: [String]
        var entries: Int
        var problems: [String]
    }

    /// `threads` threads on two servers each append `times` entries to the destruction log (for
    /// cases numbered apart, as the log holds a case once).
    static func concurrentDestructionLog(_ s: TwoServers, threads: Int = 4, times: Int = 25) async throws -> Logged {
        try await offThread {
            let errors = try s.hammer(threads: threads, times: times) { c, thread, n in
                let id = CaseID(year: 2025, number: thread * times + n + 1)
                let record = DestructionRecord(
                    sequence: 0, caseID: id, time: Date(timeIntervalSince1970: 1_772_478_300), actor: "J. de Vries", actorRole: "beheerder",
                    reason: "bewaartermijn verstreken", early: false, custodyHead: CustodyEvent.genesisHash, custodyCount: 0,
                    removed: ["cases": 1], originals: [], keptOriginals: [], accounts: [], previousHash: "")
                _ = try DestructionChain.append(record, year: id.year, number: id.number, caseNo: nil, heads: s.heads, in: c)
            }
            return try s.servers[0].read { c in
                Logged(
                    errors: errors.map { "\($0)" }, entries: Int(try c.fetchOne("SELECT count(*) FROM destruction_log")?[0].int ?? -1),
                    problems: try DestructionChain.problems(in: c).map(\.english))
            }
        }
    }
}
