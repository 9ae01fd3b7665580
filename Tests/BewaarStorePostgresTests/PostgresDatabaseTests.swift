import BewaarPostgresTestSupport
import BewaarStore
import Foundation
import Testing

@testable import BewaarStorePostgres

/// ``StoreDatabaseBehaviour`` on PostgreSQL (a new database per test on the run's server), and
/// what only PostgreSQL does: conflicts and their retry, settings per transaction, the cursor
/// behind `forEach`. Skipped, saying why, when PostgreSQL is not installed.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresDatabaseTests {
    @Test func valuesRoundTrip() async throws { try await StoreDatabaseBehaviour.valuesRoundTrip(.made(.postgres)) }
    @Test func countsAndNames() async throws { try await StoreDatabaseBehaviour.countsAndNames(.made(.postgres)) }
    @Test func placeholders() async throws { try await StoreDatabaseBehaviour.placeholders(.made(.postgres)) }
    @Test func rollbackOnThrow() async throws { try await StoreDatabaseBehaviour.rollbackOnThrow(.made(.postgres)) }
    @Test func savepoints() async throws { try await StoreDatabaseBehaviour.savepoints(.made(.postgres)) }
    @Test func readIsReadOnly() async throws { try await StoreDatabaseBehaviour.readIsReadOnly(.made(.postgres)) }
    @Test func fourWritersKeepOneChain() async throws { try await StoreDatabaseBehaviour.concurrentChain(.made(.postgres)) }
    @Test func storedRows() async throws { try await StoreDatabaseBehaviour.storedRows(.made(.postgres)) }

    /// The rows come through a cursor of the transaction, a batch at a time: at the first row
    /// the cursor is open on the server and has not been read to its end.
    @Test func streamedRowsComeThroughACursor() async throws {
        try await StoreDatabaseBehaviour.streamedRows(.made(.postgres)) { c throws in
            let cursors = try c.fetch("SELECT name FROM pg_cursors").compactMap { $0[0].text }
            return cursors.contains { $0.hasPrefix("bewaar_cursor_") }
        }
    }

    /// Without FOR UPDATE, the same four writers fork the chain: the primary key refuses the
    /// second event with the same number (so the lock is what keeps every append).
    @Test func withoutTheRowLockWritersCollide() async throws {
        let t = try await TestDatabase.made(.postgres)
        let first = try await offThread {
            let failures = ErrorList()
            try t.database.write(retryable: false) { c throws in
                try c.execute("CREATE TABLE heads (chain text PRIMARY KEY, count bigint NOT NULL)")
                try c.execute("CREATE TABLE events (chain text, seq bigint, PRIMARY KEY (chain, seq))")
                try c.execute("INSERT INTO heads VALUES ('2026-0001', 0)")
            }
            let database = t.database
            try onThreads(4) { _ in
                for _ in 0..<50 {
                    do {
                        try database.write(retryable: false) { c throws in
                            let count = try c.fetchOne("SELECT count FROM heads WHERE chain = '2026-0001'")?[0].int ?? -1
                            try c.execute("SELECT pg_sleep(0.001)")
                            try c.execute("INSERT INTO events VALUES ('2026-0001', ?1)", [.int(count + 1)])
                            try c.execute("UPDATE heads SET count = ?1 WHERE chain = '2026-0001'", [.int(count + 1)])
                        }
                    } catch { failures.append(error) }
                }
            }
            return failures.first
        }
        let refused = try #require(first as? PostgresStoreError)
        #expect(refused.code == .statementFailed)
        #expect(refused.sqlState == "23505")
    }

    /// A real deadlock (SQLSTATE 40P01) between two connections: the retryable writer is the
    /// victim (its deadlock_timeout is the shorter), runs again and succeeds; both changes land.
    @Test func aDeadlockVictimRunsAgain() async throws {
        let t = try await TestDatabase.made(.postgres)
        let db = try #require(t.postgres)
        let (attempts, rows) = try await offThread {
            try db.write(retryable: false) { c throws in
                try c.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, n bigint NOT NULL)")
                try c.execute("INSERT INTO accounts VALUES (1, 0), (2, 0)")
            }
            // PostgreSQL looks for a deadlock once, `deadlock_timeout` after a session starts to
            // wait. The victim's look must come after the other closes the circle, also on a busy
            // machine (with 50 ms it came too early under CI load, and the other, looking after
            // 10 s, became the victim): 2 s against 60 s.
            let victim = db.with(settings: ["deadlock_timeout": "2s"])
            let other = db.with(settings: ["deadlock_timeout": "60s"])
            let attempts = Counter()
            let holdsOne = DispatchSemaphore(value: 0)
            let holdsTwo = DispatchSemaphore(value: 0)
            try onThreads(2) { thread in
                if thread == 0 {
                    try victim.write(retryable: true) { c throws in
                        let attempt = attempts.next()
                        try c.execute("UPDATE accounts SET n = n + 1 WHERE id = 1")
                        if attempt == 1 {
                            holdsOne.signal()
                            holdsTwo.wait()
                        }
                        try c.execute("UPDATE accounts SET n = n + 10 WHERE id = 2")
                    }
                } else {
                    holdsOne.wait()
                    try other.write(retryable: false) { c throws in
                        try c.execute("UPDATE accounts SET n = n + 100 WHERE id = 2")
                        holdsTwo.signal()
                        // Wait until the victim waits for row 2, then close the circle by asking row 1.
                        for _ in 0..<500 {
                            let waiting = try c.fetchOne(
                                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                            if waiting?[0] == .int(1) { break }
                            Thread.sleep(forTimeInterval: 0.01)
                        }
                        try c.execute("UPDATE accounts SET n = n + 1000 WHERE id = 1")
                    }
                }
            }
            return (attempts.value, try db.read { try $0.fetch("SELECT n FROM accounts ORDER BY id").map { $0[0] } })
        }
        #expect(attempts == 2)
        #expect(rows == [.int(1001), .int(110)])
    }

    /// A serialization failure (SQLSTATE 40001, raised by the server) reruns a retryable body,
    /// also when the body turned the error into one of its own; a body that is not retryable runs
    /// once and the caller gets the conflict, in Dutch and English.
    @Test func aSerializationFailureIsRetriedOnlyWhenRetryable() async throws {
        let t = try await TestDatabase.made(.postgres)
        let raise = "DO $$ BEGIN RAISE EXCEPTION 'gelijktijdig gewijzigd?' USING ERRCODE = 'serialization_failure'; END $$"
        try await t.write { try $0.execute("CREATE TABLE marks (id bigint PRIMARY KEY)") }
        let attempts = Counter()
        try await t.write(retryable: true) { c throws in
            let attempt = attempts.next()
            try c.execute("INSERT INTO marks VALUES (?1)", [.int(Int64(attempt))])
            if attempt < 3 {
                do { try c.execute(raise) } catch { throw StoreDatabaseBehaviour.Planned() }
            }
        }
        #expect(attempts.value == 3)
        #expect(try await t.read { try $0.fetch("SELECT id FROM marks").map { $0[0] } } == [.int(3)])

        let once = Counter()
        let error = await #expect(throws: PostgresStoreError.self) {
            try await t.write { c throws in
                _ = once.next()
                try c.execute(raise)
            }
        }
        #expect(once.value == 1)
        #expect(error?.code == .conflict)
        #expect(error?.sqlState == "40001")
        #expect(error?.dutch.contains("probeer het opnieuw") == true)
        #expect(error?.english.contains("try again") == true)
    }

    /// A body that swallows a failed statement cannot commit half its work: PostgreSQL answers the
    /// COMMIT with a rollback, and the caller gets an error.
    @Test func aSwallowedFailureDoesNotCommit() async throws {
        let t = try await TestDatabase.made(.postgres)
        try await t.write { try $0.execute("CREATE TABLE talks (id bigint PRIMARY KEY)") }
        await #expect(throws: PostgresStoreError.self) {
            try await t.write { c throws in
                try c.execute("INSERT INTO talks VALUES (1)")
                _ = try? c.execute("INSERT INTO talks VALUES (1)")
            }
        }
        #expect(try await t.read { try $0.fetchOne("SELECT count(*) FROM talks")?[0] } == .int(0))
    }

    /// Settings hold for every statement of a transaction (reads and writes) and end with it.
    @Test func settingsHoldForEachTransactionOnly() async throws {
        let t = try await TestDatabase.made(.postgres, connections: 1)
        let plain = try #require(t.postgres)
        let (read, written, after) = try await offThread {
            let school = plain.with(settings: ["bewaar.school": "3", "bewaar.actor": "J. Bakker"])
            let query = "SELECT current_setting('bewaar.school', true), current_setting('bewaar.actor', true)"
            return (
                try school.read { try $0.fetchOne(query)?.values },
                try school.write(retryable: false) { try $0.fetchOne(query)?.values },
                // The same (single) connection afterwards, without settings: nothing is left of them.
                try plain.read { try $0.fetchOne(query)?.values }
            )
        }
        #expect(read == [.text("3"), .text("J. Bakker")])
        #expect(written == [.text("3"), .text("J. Bakker")])
        #expect(after?.allSatisfy { $0 == .null || $0 == .text("") } == true)
    }

    /// The pool opens no more connections than it may, and reuses them.
    @Test func thePoolStaysWithinItsSize() async throws {
        let t = try await TestDatabase.made(.postgres, connections: 2)
        let db = try #require(t.postgres)
        let (open, backends) = try await offThread {
            try onThreads(6) { _ in
                for _ in 0..<10 { _ = try db.read { try $0.fetchOne("SELECT 1 FROM pg_sleep(0.002)") } }
            }
            let backends = try db.read { try $0.fetchOne("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")?[0] }
            return (db.pool.openCount, backends)
        }
        #expect(open <= 2)
        #expect(backends == .int(2))
    }
}

/// Counts a body's runs across threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    /// The next number, from 1.
    func next() -> Int {
        lock.withLock {
            count += 1; return count
        }
    }
    var value: Int { lock.withLock { count } }
}
