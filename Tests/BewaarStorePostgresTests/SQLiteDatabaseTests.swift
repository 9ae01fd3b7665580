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
}
