import GRDB
import BewaarModel

/// One migration of a module's own tables in a SQLite store: its name, as every store that ran
/// it has recorded it, and what it does. A shipped migration is never edited: a change is a new
/// migration.
///
/// SQLite only: this is the SQLite store's migration history, run through GRDB's migrator. A
/// PostgreSQL store has every module's tables from its baseline (`PostgresSchema` in
/// BewaarStorePostgres), and a later migration of a module's tables is added there under the
/// same name, with its PostgreSQL statements (`notes/issue-17-pg-modules.md`).
package struct StoreMigration: Sendable {
    package let name: String
    package let migrate: @Sendable (Database) throws -> Void

    package init(_ name: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.migrate = migrate
    }
}

/// A module that keeps tables of its own in the case store (the accounts, the web interface's
/// upload links) registers their migrations through this seam: the core store knows cases,
/// evidence, records, custody and the protocol's workflow, and nothing of who signs in where.
///
/// A front end opens the store with the modules it uses (`bewaar` with all of them). A module's
/// migrations that shipped before the seam existed keep their place in ``Schema/shippedOrder``,
/// so a new store opened with every module runs every migration in exactly the order existing
/// stores ran them; newer ones run after the core's, module by module, in the order given. A
/// store opened without a module simply lacks that module's tables until a front end that
/// registers it opens the store.
package protocol StoreModule: Sendable {
    /// The module's migrations, oldest first.
    var migrations: [StoreMigration] { get }

    /// Runs once each time a store is opened with this module, after every migration: for work
    /// a migration left to the module (for example logging rows a migration made in the custody
    /// chains). Nothing by default.
    func opened(_ store: CaseStore) throws

    /// Runs inside the transaction that destroys case `id`, before the core removes its own
    /// rows: removes every row of the module's tables that belongs to the case and says how many
    /// per table, and which accounts had access to it (they may be told it was destroyed).
    /// Nothing by default. A module table with a `case_id` column left holding the case makes the
    /// destruction fail, so a forgotten table never keeps a destroyed case's data. The same SQL
    /// on either database.
    func destroying(_ id: CaseID, in connection: any StoreConnection) throws -> ModuleRemoval
}

extension StoreModule {
    package func opened(_ store: CaseStore) throws {}
    package func destroying(_ id: CaseID, in connection: any StoreConnection) throws -> ModuleRemoval { ModuleRemoval() }
}

/// What a module removed of a destroyed case (``StoreModule/destroying(_:in:)``).
package struct ModuleRemoval: Sendable {
    /// Rows removed per table.
    package var removed: [String: Int]
    /// The accounts that had access to the case.
    package var accounts: [String]

    package init(removed: [String: Int] = [:], accounts: [String] = []) {
        self.removed = removed
        self.accounts = accounts
    }
}
