import GRDB
import BewaarModel
import BewaarStore

/// The accounts module's own tables in the case store: `accounts` (v3), each account's language
/// and its sign-in sessions (v4), `case_access` with `security_log` and the undo of an
/// escalation (v5), each account's e-mail address and school-account subject with the sign-ins under
/// way (v13), the sealed ID tokens of sessions begun with a school account, for signing out at
/// the provider (v14). A front end that signs people in (`bewaar serve`, `bewaar user`, `bewaar
/// access`) opens the store with this module; the core store knows none of these tables.
package struct AccountTables: StoreModule {
    package init() {}

    package var migrations: [StoreMigration] {
        [
            StoreMigration("v3-accounts") { db in try db.execute(sql: AccountSchema.v3) },
            StoreMigration("v4-web-sessions-language") { db in try db.execute(sql: SessionSchema.v4) },
            StoreMigration("v5-access-links-security-log") { db in try db.execute(sql: AccessSchema.v5) },
            StoreMigration("v13-account-subjects") { db in try db.execute(sql: SignOnSchema.v13) },
            StoreMigration("v15-sign-on-sessions") { db in try db.execute(sql: SignOutSchema.v15) },
        ]
    }

    /// Logs in each case's custody chain the access links migration v5 made from the people on
    /// the case (once).
    package func opened(_ store: CaseStore) throws {
        try store.logMigratedAccess()
    }
}

extension AccountTables {
    /// A destroyed case's access links go with it; the accounts that had them are named in the
    /// destruction record (staff names, no pupil data), so they can be told it was destroyed.
    package func destroying(_ id: CaseID, in c: any StoreConnection) throws -> ModuleRemoval {
        let accounts = try c.fetchValues(
            "SELECT DISTINCT account FROM case_access WHERE case_id = ?1 ORDER BY account", [.text(id.description)], as: String.self)
        let removed = try c.execute("DELETE FROM case_access WHERE case_id = ?1", [.text(id.description)])
        return ModuleRemoval(removed: ["case_access": removed], accounts: accounts)
    }
}
