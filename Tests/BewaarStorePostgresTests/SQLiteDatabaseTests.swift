import BewaarStore
import Testing

/// ``StoreDatabaseBehaviour`` on SQLite (GRDB, a WAL pool in a temporary folder).
@Suite struct SQLiteDatabaseTests {
    @Test func valuesRoundTrip() async throws { try await offThread { try StoreDatabaseBehaviour.valuesRoundTrip(.make(.sqlite)) } }
    @Test func countsAndNames() async throws { try await offThread { try StoreDatabaseBehaviour.countsAndNames(.make(.sqlite)) } }
    @Test func placeholders() async throws { try await offThread { try StoreDatabaseBehaviour.placeholders(.make(.sqlite)) } }
    @Test func rollbackOnThrow() async throws { try await offThread { try StoreDatabaseBehaviour.rollbackOnThrow(.make(.sqlite)) } }
    @Test func savepoints() async throws { try await offThread { try StoreDatabaseBehaviour.savepoints(.make(.sqlite)) } }
    @Test func readIsReadOnly() async throws { try await offThread { try StoreDatabaseBehaviour.readIsReadOnly(.make(.sqlite)) } }
    @Test func fourWritersKeepOneChain() async throws { try await offThread { try StoreDatabaseBehaviour.concurrentChain(.make(.sqlite)) } }
    @Test func streamedRows() async throws { try await offThread { try StoreDatabaseBehaviour.streamedRows(.make(.sqlite)) } }

    /// Rows a trigger changed are not counted (PostgreSQL's command tag does not count them either).
    @Test func changesOfTriggersAreNotCounted() async throws {
        try await offThread {
            let t = try TestDatabase.make(.sqlite)
            try t.database.write(retryable: false) { c throws in
                try c.execute("CREATE TABLE cases (id text PRIMARY KEY)")
                try c.execute("CREATE TABLE log (what text)")
                try c.execute(
                    "CREATE TRIGGER cases_log AFTER INSERT ON cases BEGIN INSERT INTO log VALUES ('nieuw'); INSERT INTO log VALUES ('nog een'); END")
                #expect(try c.execute("INSERT INTO cases VALUES ('2026-0001')") == 1)
                #expect(try c.execute("CREATE TABLE other (id integer)") == 0)
                #expect(try c.fetchOne("SELECT count(*) FROM log")?[0] == .int(2))
            }
        }
    }
}
