import BewaarModel
import BewaarPostgresTestSupport
import BewaarStore
import Foundation
import Testing

@testable import BewaarStorePostgres

/// ``ChainBehaviour`` on PostgreSQL, two pools standing for two servers on one database: one
/// unbroken custody chain per case, gap-free case numbers and one destruction log under
/// concurrent writers (`notes/issue-17-store-design.md` §3). And the same runs with the row lock
/// left out, which must fail: the tests can see what they are about.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresChainTests {
    @Test func twoServersAppendToOneChain() async throws { try await ChainBehaviour.appendsMakeOneChain(.postgres) }
    @Test func twoServersStartTheStoreChain() async throws { try await ChainBehaviour.theStoreChainStartsOnce(.postgres) }
    @Test func twoServersOpenCases() async throws { try await ChainBehaviour.openingsNumberWithoutGaps(.postgres) }
    @Test func twoServersAppendToTheDestructionLog() async throws { try await ChainBehaviour.theDestructionLogStaysOneChain(.postgres) }

    /// The head read without `FOR UPDATE`: two servers read the same head, and the second insert
    /// of the same number is refused by `custody`'s primary key (23505). Appends are lost (the
    /// callers get errors) but the chain stays whole: the key is the backstop, the lock is what
    /// keeps every append.
    @Test func withoutTheRowLockAppendsCollide() async throws {
        let s = try await TwoServers.made(.postgres)
        s.heads = UnlockedHeads()
        let done = try await ChainBehaviour.concurrentAppends(s, threads: 4, times: 100)
        #expect(!done.errors.isEmpty)
        #expect(done.errors.allSatisfy { $0.contains("23505") })
        #expect(done.report.intact)
        #expect(done.report.eventCount == 401 - done.errors.count)
    }

    /// SQLite's numbering (the year's highest number plus one) on PostgreSQL: two servers read
    /// the same highest number, and `UNIQUE (year, number)` refuses the second case.
    @Test func withoutTheCounterRowOpeningsCollide() async throws {
        let s = try await TwoServers.made(.postgres)
        s.numbering = HighestPlusOne()
        let done = try await ChainBehaviour.concurrentOpenings(s)
        #expect(!done.errors.isEmpty)
        #expect(done.errors.allSatisfy { $0.contains("23505") })
        #expect(done.numbers == Array(1...(200 - done.errors.count)))
    }

    /// An append to a chain without a head row (a case that was never opened, or was destroyed)
    /// fails as "case unknown" and writes nothing; it never makes the head.
    @Test func anAppendToAnUnknownCaseFails() async throws {
        let s = try await TwoServers.made(.postgres)
        let (error, rows) = try await offThread {
            let error = Result { try s.servers[0].write(retryable: false) { c in try s.append(to: "2026-0042", details: [:], in: c) } }
            let rows = try s.servers[1].read { c in
                try c.fetchOne("SELECT (SELECT count(*) FROM custody) + (SELECT count(*) FROM chain_heads)")?[0].int
            }
            return (error.caught, rows)
        }
        let refused = try #require(error as? StoreError, "\(String(describing: error))")
        #expect(refused.code == .unknownCase)
        #expect(refused.dutch.contains("2026-0042") && refused.english.contains("nothing was recorded"))
        #expect(rows == 0)
    }

    /// Server B appends to a case (a page view) while server A is destroying it: B waits at the
    /// head row that A holds, and once A has committed finds no head and fails, instead of
    /// starting a new chain for the destroyed case. A's destruction counted every event.
    @Test func anAppendThatWaitedForADestructionFails() async throws {
        let s = try await TwoServers.made(.postgres)
        let found = try await offThread { try Self.raceDestruction(s) }
        let refused = try #require(found.appendError as? StoreError, "\(String(describing: found.appendError))")
        #expect(refused.code == .unknownCase)
        #expect(found.appenderWaited)
        #expect(found.countedByDestruction == 4)
        #expect(found.rowsLeft == 0)
    }

    struct Race: Sendable {
        var appendError: (any Error)?
        var appenderWaited: Bool
        var countedByDestruction: Int
        var rowsLeft: Int
    }

    static func raceDestruction(_ s: TwoServers) throws -> Race {
        let (a, b) = (s.servers[0], s.servers[1])
        let id = try a.write(retryable: false) { c in
            let id = try s.openCase(year: 2026, in: c)
            for n in 0..<3 { try s.append(to: id.description, details: ["n": "\(n)"], in: c) }
            return id.description
        }
        let appenderPid = Collected<Int64>()
        let appendError = Collected<any Error>()
        let waited = Collected<Bool>()
        let counted = Collected<Int>()
        let headHeld = DispatchSemaphore(value: 0)
        try onThreads(2) { thread in
            if thread == 0 {
                // Server A: the destruction holds the head, waits until B is waiting for it,
                // then removes the chain and commits.
                try a.write(retryable: false) { c in
                    let head = try s.heads.recordedHead(of: id, in: c)
                    counted.append(head?.count ?? -1)
                    headHeld.signal()
                    var isWaiting = false
                    for _ in 0..<500 where !isWaiting {
                        if let pid = appenderPid.all.first {
                            isWaiting = try c.fetchOne("SELECT count(*) FROM pg_locks WHERE pid = ?1 AND NOT granted", [.int(pid)])?[0].int ?? 0 > 0
                        }
                        if !isWaiting { Thread.sleep(forTimeInterval: 0.01) }
                    }
                    waited.append(isWaiting)
                    try c.execute("DELETE FROM custody WHERE chain = ?1", [.text(id)])
                    try c.execute("DELETE FROM chain_heads WHERE chain = ?1", [.text(id)])
                    try c.execute("DELETE FROM cases WHERE id = ?1", [.text(id)])
                }
            } else {
                // Server B: a page view of the case.
                headHeld.wait()
                do {
                    try b.write(retryable: false) { c in
                        appenderPid.append(try c.fetchOne("SELECT pg_backend_pid()")?[0].int ?? 0)
                        try s.append(to: id, details: ["page": "tijdlijn"], in: c)
                    }
                } catch { appendError.append(error) }
            }
        }
        let left = try b.read { c in
            try c.fetchOne(
                "SELECT (SELECT count(*) FROM custody WHERE chain = ?1) + (SELECT count(*) FROM chain_heads WHERE chain = ?1)", [.text(id)])?[0].int
        }
        return Race(
            appendError: appendError.all.first, appenderWaited: waited.all.first ?? false, countedByDestruction: counted.all.first ?? -1,
            rowsLeft: Int(left ?? -1))
    }
}

/// The year's highest number plus one, as SQLite numbers (in PostgreSQL's words), without a
/// counter row: what the counter prevents.
struct HighestPlusOne: CaseNumbering {
    func nextNumber(year: Int, in connection: any StoreConnection) throws -> Int {
        let sql = """
            SELECT GREATEST(COALESCE((SELECT MAX(number) FROM cases WHERE year = ?1), 0),
                            COALESCE((SELECT MAX(number) FROM destruction_log WHERE year = ?1), 0))
            """
        return Int(try connection.fetchOne(sql, [.int(Int64(year))])?[0].int ?? 0) + 1
    }
}

/// ``PostgresChainHeads`` with the head read without `FOR UPDATE`: what the lock prevents.
struct UnlockedHeads: ChainHeads {
    let locked = PostgresChainHeads()

    func headForAppend(to chain: String, in connection: any StoreConnection) throws -> ChainHead {
        guard let row = try connection.fetchOne("SELECT count, head FROM chain_heads WHERE chain = ?1", [.text(chain)]) else {
            throw StoreError.chainWithoutHead(chain)
        }
        return ChainHead(count: Int(row[0].int ?? 0), hash: row[1].text ?? "")
    }

    func advance(_ chain: String, to head: ChainHead, in connection: any StoreConnection) throws {
        try locked.advance(chain, to: head, in: connection)
    }
    func makeHead(of chain: String, in connection: any StoreConnection) throws { try locked.makeHead(of: chain, in: connection) }
    func recordedHead(of chain: String, in connection: any StoreConnection) throws -> ChainHead? {
        try locked.recordedHead(of: chain, in: connection)
    }
    func destructionHeadForAppend(in connection: any StoreConnection) throws -> ChainHead {
        try locked.destructionHeadForAppend(in: connection)
    }
    func advanceDestructionHead(to head: ChainHead, in connection: any StoreConnection) throws {
        try locked.advanceDestructionHead(to: head, in: connection)
    }
}

extension Result {
    /// The error, or nil on success.
    var caught: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
