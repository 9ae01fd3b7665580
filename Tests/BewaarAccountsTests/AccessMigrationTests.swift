import Foundation
import Testing
import GRDB
import BewaarModel
import BewaarStore
import BewaarAccounts
import BewaarTestSupport

/// Stores made before explicit access links gave access by a matching name. On open they keep
/// only what was a staff person with an account of the same role, as logged links.
@Suite struct AccessMigrationTests {
    @Test func anOlderStoreKeepsOnlyStaffNameMatchesAsLoggedLinks() throws {
        let f = try TempDir()
        var caseID: CaseID?
        do {
            let store = try f.openStore(modules: [AccountTables()])
            let c = try store.openCase(title: "Oud", actor: "J. Bakker", people: [
                Person(name: "J. Bakker", role: .mentor), Person(name: "Marieke de Vries", role: .ouder),
                Person(name: "A. de Wit", role: .afdelingsleider),
            ])
            caseID = c.id
            for (name, role) in [("J. Bakker", "mentor"), ("Marieke de Vries", "mentor"), ("A. de Wit", "mentor")] {
                try store.saveAccount(name: name, role: role, passwordHash: "scrypt$1024$8$1$00$00", actor: "t")
            }
        }
        // Undo migration v5, as a store of the previous release looks.
        let db = try DatabaseQueue(path: f.store + "/bewaar.sqlite")
        try db.write { db in
            try db.execute(sql: """
                DROP TABLE case_access; DROP TABLE security_log;
                ALTER TABLE escalations DROP COLUMN undone_by; ALTER TABLE escalations DROP COLUMN undone_at;
                ALTER TABLE escalations DROP COLUMN undo_reason; ALTER TABLE accounts DROP COLUMN disabled_at;
                ALTER TABLE accounts DROP COLUMN setup_code_sha256; ALTER TABLE accounts DROP COLUMN setup_code_until;
                ALTER TABLE accounts DROP COLUMN setup_code_by;
                DELETE FROM grdb_migrations WHERE identifier = 'v5-access-links-security-log';
                """)
        }
        let store = try f.openStore(modules: [AccountTables()])
        let id = try #require(caseID)
        let links = try store.accessLinks(id)
        #expect(links.map(\.account) == ["J. Bakker"], "a parent's name and a role mismatch give nothing")
        #expect(try store.hasAccess(account: "J. Bakker", role: "mentor", to: id))
        let granted = try store.events(chain: id.description).filter { $0.action.rawValue == "access-granted" }
        #expect(granted.count == 1 && granted[0].details["account"] == "J. Bakker")
        #expect(try store.verifyChain(id.description).intact)
        // Opening again logs nothing twice.
        let again = try f.openStore(modules: [AccountTables()])
        #expect(try again.events(chain: id.description).filter { $0.action.rawValue == "access-granted" }.count == 1)
    }
}
