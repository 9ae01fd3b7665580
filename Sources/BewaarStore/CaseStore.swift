import Foundation
import GRDB
import BewaarModel

/// A Bewaar store: cases, records and custody logs in a database, and the originals,
/// content-addressed, in a folder.
///
/// - **SQLite** (a school's own machine): one folder holding `bewaar.sqlite` and `objects/`. Safe
///   to use from two processes at once: SQLite in WAL mode serialises writers, and every custody
///   append reads the chain head inside the same immediate transaction that writes the new event.
/// - **PostgreSQL** (a school board's servers; `CaseStore(postgres:…)` in BewaarStorePostgres):
///   one school's part of the board's database, and that school's folder of originals, which
///   every server shares. Always encrypted.
public final class CaseStore: Sendable {
    /// The store folder: the SQLite store's, or one school's folder of a board's (its originals
    /// and packets).
    public let path: String
    public let objects: ObjectStore
    /// Where the store's transactions run (``StoreDatabase``).
    package let database: any StoreDatabase
    /// The SQLite store's pool (nil in PostgreSQL): for what only SQLite does (encrypting a plain
    /// store in place, its clean-up after a large ingest) and for tests that edit the file.
    let sqlitePool: DatabasePool?
    /// The clock for every recorded time; tests inject a fixed one.
    public let clock: @Sendable () -> Date
    /// Called between writing originals and committing the ingest transaction. Tests use it to
    /// inject a crash at the worst moment; nil in normal use.
    let faultBeforeCommit: (@Sendable () throws -> Void)?
    /// Which searches have more hits than are sorted by time (see ``SearchOrderMemory``).
    let searchOrder = SearchOrderMemory()
    /// The modules the store was opened with (a destruction asks each to remove its rows).
    let modules: [any StoreModule]
    /// The store's keys (none when the store is not encrypted), and on SQLite the SQL functions
    /// that use them.
    let sealing: SealFunctions
    /// Makes the keyring of a new master key (encrypting, rekeying): one that reads a key another
    /// process added from this store's database.
    let keyringMaker: @Sendable (MasterKey) -> CaseKeyring
    /// What differs between the databases, for this store's: chosen once, when it opens.
    package let dialect: StoreDialect

    public static let databaseName = "bewaar.sqlite"

    /// The parts of an open store, as the code that opens one database's store put them
    /// together (``init(opened:clock:faultBeforeCommit:modules:)``).
    package struct Opened {
        package var path: String
        package var database: any StoreDatabase
        package var sqlite: DatabasePool?
        package var dialect: StoreDialect
        /// The store's keys (nil: not encrypted), with SQLite's functions that use them.
        let sealing: SealFunctions
        package var keyringMaker: @Sendable (MasterKey) -> CaseKeyring
        /// The folder of the originals and the one where they are written first.
        package var objects: (root: String, tmp: String)

        package init(
            path: String, database: any StoreDatabase, dialect: StoreDialect, keyring: CaseKeyring?,
            keyringMaker: @escaping @Sendable (MasterKey) -> CaseKeyring, objects: (root: String, tmp: String)
        ) {
            self.path = path
            self.database = database
            self.dialect = dialect
            self.sealing = SealFunctions(keyring: keyring)
            self.keyringMaker = keyringMaker
            self.objects = objects
        }

        init(
            path: String, database: any StoreDatabase, dialect: StoreDialect, sealing: SealFunctions,
            keyringMaker: @escaping @Sendable (MasterKey) -> CaseKeyring, objects: (root: String, tmp: String)
        ) {
            self.path = path
            self.database = database
            self.dialect = dialect
            self.sealing = sealing
            self.keyringMaker = keyringMaker
            self.objects = objects
        }
    }

    /// A store of the parts in `opened`; the modules are told once it is open.
    package init(
        opened: Opened, clock: @escaping @Sendable () -> Date, faultBeforeCommit: (@Sendable () throws -> Void)?,
        modules: [any StoreModule]
    ) throws {
        path = opened.path
        database = opened.database
        sqlitePool = opened.sqlite
        dialect = opened.dialect
        keyringMaker = opened.keyringMaker
        self.clock = clock
        self.faultBeforeCommit = faultBeforeCommit
        self.modules = modules
        sealing = opened.sealing
        objects = ObjectStore(root: opened.objects.root, tmp: opened.objects.tmp, keys: ObjectKeys(sealing: sealing))
        objects.keys.attach(opened.database)
        for module in modules { try module.opened(self) }
    }

    /// Opens the store at `path` without modules (see the initialiser with `modules`).
    public convenience init(
        path: String, create: Bool, clock: @escaping @Sendable () -> Date = { Date() },
        faultBeforeCommit: (@Sendable () throws -> Void)? = nil, key: StoreKeySource? = nil
    ) throws {
        try self.init(path: path, create: create, clock: clock, faultBeforeCommit: faultBeforeCommit, modules: [], key: key)
    }

    /// Opens the SQLite store at `path`. With `create`, a missing folder is made; otherwise a
    /// missing store is an error that says how to make one.
    /// `modules` register the migrations of their own tables (see ``StoreModule``) and are told
    /// once the store is open.
    package convenience init(
        path: String, create: Bool, clock: @escaping @Sendable () -> Date = { Date() },
        faultBeforeCommit: (@Sendable () throws -> Void)? = nil, modules: [any StoreModule],
        key: StoreKeySource? = nil
    ) throws {
        try self.init(
            opened: try Self.openSQLite(path: path, create: create, modules: modules, key: key), clock: clock,
            faultBeforeCommit: faultBeforeCommit, modules: modules)
    }

    /// Now, truncated to milliseconds (the precision custody times are written in).
    package func now() -> Date {
        Date(timeIntervalSince1970: (clock().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}

extension Date {
    /// Stored form of instants in the database: RFC 3339 UTC with milliseconds.
    package var stored: String { utcMillisString }

    package init?(stored: String?) {
        guard let stored, let t = Timestamp(rfc3339: stored) else { return nil }
        self = t.date
    }
}
