import GRDB
import BewaarModel
import BewaarStore

/// The accounts module's own tables in the case store: `accounts` (v3), each account's language
/// and its sign-in sessions (v4), `case_access` with `security_log` and the undo of an
/// escalation (v5), each account's e-mail address and school-account subject with the sign-ins under
/// way (v13), the sealed ID tokens of sessions begun with a school account, for signing out at
/// the provider (v14). A front end that signs people in (`bewaar serve`, `bewaar user`, `bewaar
/// access`) opens the store with this module; the core store knows none of these tables.
public struct AccountTables: StoreModule {
    public init() {}

    public var migrations: [StoreMigration] {
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
    public func opened(_ store: CaseStore) throws {
        try store.logMigratedAccess()
    }
}

extension AccountTables {
    /// A destroyed case's access links go with it; the accounts that had them are named in the
    /// destruction record (staff names, no pupil data), so they can be told it was destroyed.
    public func destroying(_ id: CaseID, in db: Database) throws -> ModuleRemoval {
        let accounts = try String.fetchAll(
            db, sql: "SELECT DISTINCT account FROM case_access WHERE case_id = ? ORDER BY account", arguments: [id.description])
        try db.execute(sql: "DELETE FROM case_access WHERE case_id = ?", arguments: [id.description])
        return ModuleRemoval(removed: ["case_access": db.changesCount], accounts: accounts)
    }
}
