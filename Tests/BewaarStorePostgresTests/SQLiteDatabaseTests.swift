import BewaarStore
import Testing

/// ``StoreDatabaseBehaviour`` on SQLite (GRDB, a WAL pool in a temporary folder).
@Suite struct SQLiteDatabaseTests {
    @Test func valuesRoundTrip() async throws { try await StoreDatabaseBehaviour.valuesRoundTrip(.made(.sqlite)) }
    @Test func countsAndNames() async throws { try await StoreDatabaseBehaviour.countsAndNames(.made(.sqlite)) }
    @Test func placeholders() async throws { try await StoreDatabaseBehaviour.placeholders(.made(.sqlite)) }
    @Test func rollbackOnThrow() async throws { try await StoreDatabaseBehaviour.rollbackOnThrow(.made(.sqlite)) }
    @Test func savepoints() async throws { try await StoreDatabaseBehaviour.savepoints(.made(.sqlite)) }
    @Test func readIsReadOnly() async throws { try await StoreDatabaseBehaviour.readIsReadOnly(.made(.sqlite)) }
    @Test func fourWritersKeepOneChain() async throws { try await StoreDatabaseBehaviour.concurrentChain(.made(.sqlite)) }
    @Test func storedRows() async throws { try await StoreDatabaseBehaviour.storedRows(.made(.sqlite)) }
    @Test func streamedRows() async throws { try await StoreDatabaseBehaviour.streamedRows(.made(.sqlite)) }

    /// Rows a trigger changed are not counted (PostgreSQL's command tag does not count them either).
    @Test func changesOfTriggersAreNotCounted() async throws {
        let t = try await TestDatabase.made(.sqlite)
        let (inserted, created, logged) = try await t.write { c throws in
            try c.execute("CREATE TABLE cases (id text PRIMARY KEY)")
            try c.execute("CREATE TABLE log (what text)")
            try c.execute(
                "CREATE TRIGGER cases_log AFTER INSERT ON cases BEGIN INSERT INTO log VALUES ('nieuw'); INSERT INTO log VALUES ('nog een'); END")
            return (
                try c.execute("INSERT INTO cases VALUES ('2026-0001')"), try c.execute("CREATE TABLE other (id integer)"),
                try c.fetchOne("SELECT count(*) FROM log")?[0]
            )
        }
        #expect(inserted == 1)
        #expect(created == 0)
        #expect(logged == .int(2))
    }
}
