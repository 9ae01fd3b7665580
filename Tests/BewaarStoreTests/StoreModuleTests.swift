import Foundation
import Testing
import GRDB
import BewaarModel
import BewaarStore

/// Modules register the migrations of their own tables; the core store knows none of the
/// accounts' or the web's tables. (That a store opened with every module of `bewaar` runs the
/// shipped migrations in their shipped order is tested in BewaarWebTests, where those modules
/// are.)
@Suite struct StoreModuleTests {
    /// A module of a later release: a table of its own, one migration.
    struct SchoolBoardTables: StoreModule {
        var migrations: [StoreMigration] {
            [StoreMigration("v9-school-board") { db in try db.execute(sql: "CREATE TABLE school_board (id INTEGER PRIMARY KEY)") }]
        }
    }

    /// A faulty module that claims a shipped migration of the store's own.
    struct ClaimsAShippedName: StoreModule {
        var migrations: [StoreMigration] { [StoreMigration("v8-withdrawals") { _ in }] }
    }

    private func migrations(_ f: StoreFixture) throws -> [String] {
        let queue = try DatabaseQueue(path: f.storePath + "/" + CaseStore.databaseName)
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
    }

    /// The core's own shipped migrations, in their shipped order.
    static let shipped = [
        "v1-cases-items-custody", "v2-workflow-timeline", "v3-traces", "v8-withdrawals", "v6-records-once", "v9-compact-records", "v10-record-links",
        "v11-case-lifecycle", "v12-case-keys",
    ]

    @Test func aStoreOpenedWithoutModulesHasOnlyTheCoresTables() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let c = try store.openCase(title: "Groepsapp 2B", actor: "J. Bakker")
        #expect(try migrations(f) == Self.shipped)
        let queue = try DatabaseQueue(path: f.storePath + "/" + CaseStore.databaseName)
        let tables = try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        for table in ["accounts", "web_sessions", "case_access", "security_log", "upload_links"] {
            #expect(!tables.contains(table), "\(table) belongs to a module")
        }
        // The core's escalation records the handover; undoing one is the accounts module's.
        let e = try store.writing { tx in
            try store.recordEscalation(tx, c.id, to: "A. de Wit", reason: .herhaling, note: nil, actor: "J. Bakker")
        }
        #expect(try store.escalations(c.id) == [e])
        #expect(try store.escalations(c.id).first?.stands == true)
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
