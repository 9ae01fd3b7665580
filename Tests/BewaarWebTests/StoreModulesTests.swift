import Foundation
import Testing
import GRDB
import BewaarStore
import BewaarModel
import BewaarAccounts
import BewaarWeb
import BewaarTestSupport

/// The modules `bewaar` opens its store with: a new store runs every shipped migration under
/// its shipped name, in the order existing stores ran them, and a store first opened without
/// them gets their tables when a front end with them opens it.
@Suite struct StoreModulesTests {
    static let shipped = [
        "v1-cases-items-custody", "v2-workflow-timeline", "v3-traces", "v3-accounts", "v4-web-sessions-language",
        "v5-access-links-security-log", "v7-upload-links", "v8-withdrawals", "v6-records-once", "v9-compact-records", "v10-record-links",
        "v11-case-lifecycle", "v12-case-keys", "v13-account-subjects", "v14-web-state", "v15-sign-on-sessions",
    ]

    private func migrations(_ dir: TempDir) throws -> [String] {
        let queue = try DatabaseQueue(path: dir.store + "/" + CaseStore.databaseName)
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
    }

    @Test func aNewStoreRunsTheShippedMigrationsInTheirShippedOrder() throws {
        let dir = TempDir()
        _ = try dir.openStore(modules: WebServer.storeModules)
        #expect(try migrations(dir) == Self.shipped)
    }

    @Test func aCoreStoreGetsTheModulesTablesWhenOpenedWithThem() throws {
        let dir = TempDir()
        let core = try dir.openStore(modules: [])
        let c = try core.openCase(
            title: "Groepsapp 2B", actor: "J. Bakker",
            people: [Person(name: "J. Bakker", role: .mentor), Person(name: "Sanne de Vries", role: .slachtoffer)])
        let full = try dir.openStore(modules: WebServer.storeModules)
        #expect(Set(try migrations(dir)) == Set(Self.shipped))
        try full.saveAccount(name: "A. de Wit", role: "afdelingsleider", passwordHash: "scrypt$1024$8$1$00$00", actor: "t")
        let e = try full.escalate(c.id, to: "A. de Wit", reason: .herhaling, note: nil, actor: "J. Bakker", account: "A. de Wit")
        #expect(try full.hasAccess(account: "A. de Wit", role: "afdelingsleider", to: c.id))
        try full.undoEscalation(c.id, escalation: try #require(e.id), reason: "verkeerde afdeling", actor: "J. Bakker")
        #expect(try !full.hasAccess(account: "A. de Wit", role: "afdelingsleider", to: c.id))
        #expect(try full.escalations(c.id).first?.stands == false)
        #expect(try full.verifyChain(c.id.description).intact)
    }
}
