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
    private let sqlitePool: DatabasePool?
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

    /// The parts of the SQLite store at `path` (see ``init(path:create:clock:faultBeforeCommit:modules:key:)``).
    private static func openSQLite(path: String, create: Bool, modules: [any StoreModule], key: StoreKeySource?) throws -> Opened {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
        if exists && !isDir.boolValue {
            throw StoreError(.unreadable, nl: "\(path) is een bestand, geen opslagmap. Geef met --store een map op.",
                             en: "\(path) is a file, not a store folder. Name a folder with --store.")
        }
        let dbPath = path + "/" + CaseStore.databaseName
        if !fm.fileExists(atPath: dbPath) && !create {
            throw StoreError(.noStore,
                             nl: "Geen Bewaar-opslag in \(path). Maak eerst een zaak aan met `bewaar case new`, of geef de juiste map met --store.",
                             en: "No Bewaar store in \(path). Open a case first with `bewaar case new`, or name the right folder with --store.")
        }
        // Everything private, whatever the umask: new folders 0700; a new store closes its folder
        // too (it may have existed, made 0755 by hand) and makes the database 0600 before SQLite
        // opens it, so the -wal and -shm files SQLite adds get the same mode. An existing store's
        // modes are left alone: `bewaar check` names any that are too open.
        let isNew = !fm.fileExists(atPath: dbPath)
        do {
            for sub in ["", "/objects", "/tmp"] { try PrivateMode.makeFolder(path + sub) }
            if isNew {
                PrivateMode.restrict(folder: path)
                try PrivateMode.createFile(dbPath)
            }
        } catch {
            throw StoreError.unreadable(path, error)
        }
        let migrator = try Schema.migrator(modules: modules)
        let keyring = isNew ? nil : try Self.openKeys(databasePath: dbPath, storePath: path, source: key)
        let sealing = SealFunctions(keyring: keyring)
        var config = Configuration()
        config.prepareDatabase { db in sealing.register(on: db) }
        config.busyMode = .timeout(60)
        config.foreignKeysEnabled = true
        config.label = "bewaar"
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: dbPath, configuration: config)
            if isNew {
                // Pages an ingest frees (the search index merging its segments) go back to the file
                // system after it (`incremental_vacuum`) instead of staying in the file: new stores
                // only, as the mode can only be set on an empty database.
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL; VACUUM") }
            }
            try migrator.migrate(pool)
        } catch {
            throw StoreError.unreadable(path, error)
        }
        let database = SQLiteDatabase(pool)
        var opened = Opened(
            path: path, database: database, dialect: .sqlite(database), sealing: sealing,
            keyringMaker: { CaseKeyring(master: $0, databasePath: dbPath) }, objects: (path + "/objects", path + "/tmp"))
        opened.sqlite = pool
        return opened
    }

    /// Runs `body` in a transaction through GRDB's own `write`. Since GRDB 7 a writer connection
    /// begins its transactions IMMEDIATE (`Database.beginTransaction` with no kind; GRDB 6's
    /// `Configuration.defaultTransactionKind` is gone), so the write lock is taken before
    /// anything is read and two processes never build on the same chain head.
    package func write<T>(_ body: (Database) throws -> T) throws -> T {
        try sqlite.write(body)
    }

    package func read<T>(_ body: (Database) throws -> T) throws -> T {
        try sqlite.read(body)
    }

    /// The SQLite store's pool, for what only SQLite does; on PostgreSQL an error that says so.
    package var sqlite: DatabasePool {
        get throws {
            guard let sqlitePool else {
                throw StoreError(
                    .invalidValue, nl: "Dit kan alleen met een SQLite-opslag (een map), niet met PostgreSQL.",
                    en: "This only works with a SQLite store (a folder), not with PostgreSQL.")
            }
            return sqlitePool
        }
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
