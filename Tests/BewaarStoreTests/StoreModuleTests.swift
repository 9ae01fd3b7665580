import Foundation
import Testing
import GRDB
import BewaarModel
import BewaarStore

/// Modules register the migrations of their own tables; a new store still runs every shipped
/// migration under its shipped name, in the order existing stores ran them.
@Suite struct StoreModuleTests {
    /// A module of a later release: a table of its own, one migration.
    struct SchoolBoardTables: StoreModule {
        var migrations: [StoreMigration] {
            [StoreMigration("v9-school-board") { db in try db.execute(sql: "CREATE TABLE school_board (id INTEGER PRIMARY KEY)") }]
        }
    }

    /// A faulty module that claims a shipped migration of the store's own.
    struct ClaimsAShippedName: StoreModule {
        var migrations: [StoreMigration] { [StoreMigration("v3-accounts") { _ in }] }
    }

    private func migrations(_ f: StoreFixture) throws -> [String] {
        let queue = try DatabaseQueue(path: f.storePath + "/" + CaseStore.databaseName)
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
    }

    static let shipped = [
        "v1-cases-items-custody", "v2-workflow-timeline", "v3-traces", "v3-accounts", "v4-web-sessions-language",
        "v5-access-links-security-log", "v7-upload-links", "v8-withdrawals", "v6-records-once", "v9-compact-records",
    ]

    @Test func aNewStoreRunsTheShippedMigrationsInTheirShippedOrder() throws {
        let f = try StoreFixture()
        _ = try f.open()
        #expect(try migrations(f) == Self.shipped)
    }

    @Test func aModuleMigrationRunsAfterTheShippedOnesAndOnlyOnce() throws {
        let f = try StoreFixture()
        let clock = f.clock
        do {
            let store = try CaseStore(path: f.storePath, create: true, clock: { clock.now }, modules: [SchoolBoardTables()])
            _ = try store.openCase(title: "Groepsapp 2B", actor: "J. Bakker")
        }
        #expect(try migrations(f) == Self.shipped + ["v9-school-board"])
        let reopened = try CaseStore(path: f.storePath, create: false, clock: { clock.now }, modules: [SchoolBoardTables()])
        #expect(try reopened.cases().count == 1)
        #expect(try migrations(f).count == Self.shipped.count + 1)
    }

    @Test func aModuleCannotClaimAMigrationTheStoreRegisters() throws {
        let f = try StoreFixture()
        let clock = f.clock
        #expect(throws: StoreError.self) {
            _ = try CaseStore(path: f.storePath, create: true, clock: { clock.now }, modules: [ClaimsAShippedName()])
        }
    }
}
