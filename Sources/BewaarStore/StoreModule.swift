import GRDB

/// One migration of a module's own tables: its name, as every store that ran it has recorded
/// it, and what it does. A shipped migration is never edited: a change is a new migration.
public struct StoreMigration: Sendable {
    public let name: String
    public let migrate: @Sendable (Database) throws -> Void

    public init(_ name: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.migrate = migrate
    }
}

/// A module that keeps tables of its own in the case store registers their migrations through
/// this seam instead of the core schema (``Schema``) knowing them.
///
/// A module's migrations that shipped before the seam existed keep their place in
/// ``Schema/shippedOrder``, so a new store runs every migration in exactly the order existing
/// stores ran them; newer ones run after the core's, module by module, in the order given.
public protocol StoreModule: Sendable {
    /// The module's migrations, oldest first.
    var migrations: [StoreMigration] { get }
}

/// The accounts of the web interface and who may open which case: `accounts` (v3) and
/// `case_access` with `security_log` (v5).
///
/// Registered by the store itself, always: the core's own use cases read and write these tables
/// in the same transaction as the custody log (an escalation grants access to an account;
/// removing an account revokes its links and ends its sessions), so they cannot live in a module
/// the store does not know.
struct AccountTables: StoreModule {
    var migrations: [StoreMigration] {
        [StoreMigration("v3-accounts") { db in try db.execute(sql: AccountSchema.v3) },
         StoreMigration("v5-access-links-security-log") { db in try db.execute(sql: AccessSchema.v5) }]
    }
}

/// What the web interface keeps in the store: `web_sessions` and the accounts' language (v4) and
/// the pupils' `upload_links` (v7).
///
/// Registered by the store itself for now: removing, disabling or re-keying an account ends the
/// account's sessions in the same transaction (``CaseStore/removeAccount(_:actor:)``), and those
/// use cases live in the store.
struct WebTables: StoreModule {
    var migrations: [StoreMigration] {
        [StoreMigration("v4-web-sessions-language") { db in try db.execute(sql: WebSchema.v4) },
         StoreMigration("v7-upload-links") { db in try db.execute(sql: UploadLinkSchema.v7) }]
    }
}
