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
public protocol StoreModule: Sendable {
    /// The module's migrations, oldest first.
    var migrations: [StoreMigration] { get }

    /// Runs once each time a store is opened with this module, after every migration: for work
    /// a migration left to the module (for example logging rows a migration made in the custody
    /// chains). Nothing by default.
    func opened(_ store: CaseStore) throws
}

extension StoreModule {
    public func opened(_ store: CaseStore) throws {}
}
