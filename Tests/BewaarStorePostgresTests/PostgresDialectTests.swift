import BewaarPostgresTestSupport
import BewaarStore
import BewaarTestSupport
import Foundation
import GRDB
import Testing

@testable import BewaarStorePostgres
@testable import BewaarWeb

/// The small PostgreSQL dialect pieces: numbering's edges, the catalog of the tables that hold
/// cases, the clean-up after a destruction and what it may claim, and the backup's refusal.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresDialectTests {
    /// A number is used up only when the case's transaction commits; a year's counter starts
    /// above the year's destroyed cases and above cases it did not give out (copied in).
    @Test func numbersFollowCommitsAndNeverComeBack() async throws {
        let s = try await TwoServers.made(.postgres)
        let numbers = try await offThread {
            var numbers: [Int] = []
            let db = s.servers[0]
            numbers.append(try db.write(retryable: false) { c in try s.openCase(year: 2026, in: c) }.number)
            // Rolled back: its number is given to the next case.
            struct Abandon: Error {}
            _ = try? db.write(retryable: false) { c throws -> Void in
                numbers.append(try s.openCase(year: 2026, in: c).number)
                throw Abandon()
            }
            numbers.append(try db.write(retryable: false) { c in try s.openCase(year: 2026, in: c) }.number)
            // 2026-0007 was destroyed in the store this one came from, 2026-0009 copied in.
            try db.write(retryable: false) { c in
                try c.execute(
                    """
                    INSERT INTO destruction_log (seq, case_id, year, number, time, actor, record, prev_hash, hash)
                    VALUES (1, '2026-0007', 2026, 7, '2026-03-02T19:05:00.000Z', 'J. de Vries', '{}', '', '')
                    """)
            }
            numbers.append(try db.write(retryable: false) { c in try s.openCase(year: 2026, in: c) }.number)
            try db.write(retryable: false) { c in
                try c.execute(
                    "INSERT INTO cases (id, year, number, title, opened, status, summary) VALUES ('2026-0009', 2026, 9, ?1, ?2, 'open', ?1)",
                    [.bytes([0]), .text("2026-03-02T19:05:00.000Z")])
            }
            numbers.append(try db.write(retryable: false) { c in try s.openCase(year: 2026, in: c) }.number)
            // Another year starts at 1.
            numbers.append(try db.write(retryable: false) { c in try s.openCase(year: 2027, in: c) }.number)
            return numbers
        }
        #expect(numbers == [1, 2, 2, 8, 10, 1])
    }

    /// The catalog names the same tables with the same case columns as SQLite's catalog of a
    /// store with every module (and the web's upload progress, see below), and sees a table it
    /// was not told about.
    @Test func theCatalogListsTheTablesThatHoldCases() async throws {
        let s = try await TwoServers.made(.postgres)
        let (postgres, sqlite, added) = try await offThread {
            let postgres = try s.servers[0].read { c in try PostgresSchemaCatalog().caseTables(in: c) }
            let dir = TempDir()
            let store = try dir.openStore(modules: WebServer.storeModules)
            _ = try store.encrypt(with: .keyFile(dir.file("sleutel")), actor: "J. Bakker")
            let queue = try DatabaseQueue(path: dir.store + "/" + CaseStore.databaseName)
            let sqlite = try SQLiteDatabase(queue).read { c in try SQLiteSchemaCatalog().caseTables(in: c) }
            try s.servers[0].write(retryable: false) { c in try c.execute("CREATE TABLE nieuwe_module (id bigint, case_no bigint, case_id text)") }
            let added = try s.servers[1].read { c in try PostgresSchemaCatalog().caseTables(in: c) }
            return (postgres, sqlite, added)
        }
        #expect(postgres.count > 15)
        #expect(postgres.contains(CaseTable(name: "messages", columns: ["case_no"])))
        #expect(postgres.contains(CaseTable(name: "items", columns: ["case_id"])))
        // The web's upload progress is a table of the store on PostgreSQL only (SQLite keeps it
        // in a database of its own beside the store).
        #expect(Set(postgres) == Set(sqlite).union([CaseTable(name: "upload_progress", columns: ["case_id"])]))
        #expect(Set(added).subtracting(postgres) == [CaseTable(name: "nieuwe_module", columns: ["case_id", "case_no"])])
    }

    /// VACUUM of the tables named that exist, outside a transaction; what it reports claims
    /// nothing about the write-ahead log.
    @Test func theCleanUpVacuumsAndClaimsNoMore() async throws {
        let s = try await TwoServers.made(.postgres)
        let db = try #require(s.postgres)
        let (outcome, counts) = try await offThread {
            try db.write(retryable: false) { c in
                let id = try s.openCase(year: 2026, in: c).description
                for n in 0..<20 { try s.append(to: id, details: ["n": "\(n)"], in: c) }
                try c.execute("DELETE FROM custody WHERE chain = ?1", [.text(id)])
                try c.execute("DELETE FROM chain_heads WHERE chain = ?1", [.text(id)])
            }
            let outcome = try PostgresMaintenance(database: db).cleanUp(afterDeletingFrom: ["custody", "chain_heads", "geen_tabel"])
            let counts = try db.read { c in
                try c.fetch(
                    "SELECT relname::text, vacuum_count FROM pg_stat_user_tables WHERE relname IN ('custody', 'chain_heads', 'cases') ORDER BY 1"
                )
                .map { "\($0[0].text ?? "") \($0[1].int ?? -1)" }
            }
            return (outcome, counts)
        }
        #expect(outcome == .vacuumed(tables: ["chain_heads", "custody"], skipped: []))
        #expect(counts == ["cases 0", "chain_heads 1", "custody 1"])
        #expect(!outcome.walEmptied)
        #expect(outcome.databaseBytes == nil)
        #expect(outcome.english.contains("vacuumed 2 table(s)") && !outcome.english.contains("log is empty"))
        #expect(outcome.dutch.contains("2 tabel(len)") && outcome.dutch.contains("SHA-256"))
    }

    /// A role that owns no table (the application's role of a least-privilege setup) cannot
    /// vacuum: the tables are reported as skipped, not as vacuumed.
    @Test func tablesThisRoleDoesNotOwnAreReportedSkipped() async throws {
        let s = try await TwoServers.made(.postgres)
        let owner = try #require(s.postgres)
        let role = "bewaar_app_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let password = UUID().uuidString
        let outcome = try await offThread {
            try owner.withoutTransaction { c in try c.execute("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'") }
            defer { _ = try? owner.withoutTransaction { c in try c.execute("DROP ROLE IF EXISTS \(role)") } }
            var url = owner.url
            url.user = String(role)
            url.password = password
            let app = try PostgresStoreDatabase(url: url, connections: 1)
            defer { app.close() }
            return try PostgresMaintenance(database: app).cleanUp(afterDeletingFrom: ["custody", "chain_heads"])
        }
        #expect(outcome == .vacuumed(tables: [], skipped: ["chain_heads", "custody"]))
        #expect(outcome.english.contains("vacuumed 0 table(s); not 2"))
    }

    /// `bewaar backup` of a PostgreSQL store: refused, naming the database and what to use,
    /// and nothing written.
    @Test func theBackupIsRefusedWithWhatToUse() async throws {
        let dir = TempDir()
        let url = try PostgresURL("postgres://bewaar:geheim@db.example.org:5432/school_bewaar")
        let path = dir.file("bewaar.sqlite")
        let error = Result { try PostgresBackup(url: url).backUp(to: path) }.caught
        let refused = try #require(error as? StoreError)
        #expect(refused.code == .unsupported)
        #expect(refused.dutch.contains("pg_dump") && refused.dutch.contains("school_bewaar") && refused.dutch.contains("originelen"))
        #expect(
            refused.english.contains("pg_dump") && refused.english.contains("db.example.org:5432") && refused.english.contains("originals folder"))
        #expect(!refused.english.contains("geheim"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
