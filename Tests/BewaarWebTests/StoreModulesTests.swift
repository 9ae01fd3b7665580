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

    /// The modules' own sealed columns are sealed in Swift too: an escalation's undo reason (the
    /// accounts module's column) in the file, and an upload link's person (a join, opened in
    /// Swift) read back.
    @Test func theModulesSealedColumnsAreSealedInAnEncryptedStore() throws {
        let f = try WebFixture(encrypted: true)
        defer { f.cleanUp() }
        let e = try f.store.escalate(
            f.caseID, to: "A. de Groot", reason: .herhaling, note: "Sanne opnieuw", actor: "J. Bakker", account: "A. de Groot")
        try f.store.undoEscalation(f.caseID, escalation: try #require(e.id), reason: "verkeerde afdeling voor Sanne", actor: "J. Bakker")
        #expect(try f.store.escalations(f.caseID).first?.undoReason == "verkeerde afdeling voor Sanne")
        let raw = try #require(try f.store.read { db in try Data.fetchOne(db, sql: "SELECT undo_reason FROM escalations") })
        #expect(raw.prefix(2) == Data([0xB5, 0x01]) && raw.range(of: Data("Sanne".utf8)) == nil)
        let sanne = try #require(try f.store.people(f.caseID).first { $0.name == "Sanne de Vries" }?.id)
        let link = try f.store.makeUploadLink(
            f.caseID, person: sanne, tokenSHA256: String(repeating: "b", count: 64), validFor: 3600, actor: "J. Bakker")
        #expect(link.personName == "Sanne de Vries")
        #expect(try f.store.uploadLinks(f.caseID).map(\.personName) == ["Sanne de Vries"])
    }
}
