import BewaarPostgresTestSupport
import BewaarStore
import Foundation
import Testing

@testable import BewaarStorePostgres

/// The PostgreSQL store's migrations: once each, in order, each whole or not at all, one server
/// at a time, and never on a store a newer Bewaar migrated.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresMigratorTests {
    static let first = PostgresMigration(
        "pg-test-1-cases",
        [
            "CREATE TABLE cases (id text PRIMARY KEY, title bytea)",
            "CREATE TABLE chain_heads (chain text PRIMARY KEY, count bigint NOT NULL DEFAULT 0, head text NOT NULL)",
        ])
    static let second = PostgresMigration("pg-test-2-notes", ["CREATE TABLE notes (case_id text REFERENCES cases (id), text text)"])

    @Test func runsEachMigrationOnceInOrder() async throws {
        let t = try await TestDatabase.made(.postgres)
        let db = try #require(t.postgres)
        let (ran, recorded) = try await offThread {
            let clock = Date(timeIntervalSince1970: 1_772_478_300)
            let ran = [
                try PostgresMigrator([Self.first]).migrate(db, now: { clock }),
                try PostgresMigrator([Self.first, Self.second]).migrate(db),
                try PostgresMigrator([Self.first, Self.second]).migrate(db),
            ]
            let recorded = try db.read { try $0.fetch("SELECT name, applied_at FROM schema_migrations ORDER BY name").map(\.values) }
            try db.write(retryable: false) { try $0.execute("INSERT INTO cases VALUES ('2026-0001', NULL)") }
            return (ran, recorded)
        }
        #expect(ran == [["pg-test-1-cases"], ["pg-test-2-notes"], []])
        #expect(recorded.first == [.text("pg-test-1-cases"), .text("2026-03-02T19:05:00.000Z")])
        #expect(recorded.map { $0.first } == [.text("pg-test-1-cases"), .text("pg-test-2-notes")])
    }

    /// A migration that fails halfway leaves nothing of itself (DDL rolls back too), keeps the
    /// ones before it, and says which one failed.
    @Test func aFailedMigrationLeavesNothing() async throws {
        let t = try await TestDatabase.made(.postgres)
        let db = try #require(t.postgres)
        let broken = PostgresMigration("pg-test-2-broken", ["CREATE TABLE half (id bigint)", "CREATE TABLE cases (id text)"])
        let error = await #expect(throws: PostgresStoreError.self) {
            try await offThread { try PostgresMigrator([Self.first, broken]).migrate(db) }
        }
        #expect(error?.code == .migrationFailed)
        #expect(error?.english.contains("Migration pg-test-2-broken") == true)
        #expect(error?.dutch.contains("Migratie pg-test-2-broken") == true)
        let tables = try await t.read {
            try $0.fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1").compactMap { $0[0].text }
        }
        #expect(tables == ["cases", "chain_heads", "schema_migrations"])
        // Fixed, it runs (the connection was not left in a transaction).
        #expect(try await offThread { try PostgresMigrator([Self.first, Self.second]).migrate(db) } == ["pg-test-2-notes"])
    }

    /// Two servers start at once: the advisory lock lets one migrate; the other waits and finds
    /// nothing left to do. Every migration ran exactly once, without an error.
    @Test func twoServersAtOnceMigrateOnce() async throws {
        let t = try await TestDatabase.made(.postgres)
        let url = try #require(t.postgres).url
        let ran = try await offThread {
            let slow = PostgresMigration("pg-test-2-slow", ["SELECT pg_sleep(0.3)", "CREATE TABLE slow (id bigint)"])
            let migrator = try PostgresMigrator([Self.first, slow, Self.second])
            let ran = RanList()
            try onThreads(2) { _ in
                let server = try PostgresStoreDatabase(url: url, connections: 1)
                defer { server.close() }
                ran.append(try migrator.migrate(server))
            }
            return ran.all
        }
        #expect(ran.sorted { $0.count < $1.count } == [[], ["pg-test-1-cases", "pg-test-2-slow", "pg-test-2-notes"]])
    }

    @Test func aStoreOfANewerBewaarIsRefused() async throws {
        let t = try await TestDatabase.made(.postgres)
        let db = try #require(t.postgres)
        _ = try await offThread { try PostgresMigrator([Self.first, Self.second]).migrate(db) }
        let error = await #expect(throws: PostgresStoreError.self) {
            try await offThread { try PostgresMigrator([Self.first]).migrate(db) }
        }
        #expect(error?.code == .migrationFailed)
        #expect(error?.english.contains("was updated by a newer Bewaar (migration pg-test-2-notes)") == true)
    }

    @Test func aNameTwiceIsRefused() {
        #expect(throws: PostgresStoreError.self) { try PostgresMigrator([Self.first, Self.second, Self.first]) }
    }
}

/// What each thread's migrator ran.
final class RanList: @unchecked Sendable {
    private let lock = NSLock()
    private var lists: [[String]] = []
    func append(_ list: [String]) { lock.withLock { lists.append(list) } }
    var all: [[String]] { lock.withLock { lists } }
}
