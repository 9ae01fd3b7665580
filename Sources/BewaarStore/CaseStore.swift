import Foundation
import GRDB
import BewaarModel

/// A Bewaar store: one folder holding `bewaar.sqlite` (cases, records, custody log) and
/// `objects/` (the originals, content-addressed). Safe to use from two processes at once:
/// SQLite in WAL mode serialises writers, and every custody append reads the chain head inside
/// the same immediate transaction that writes the new event.
public final class CaseStore: Sendable {
    /// The store folder.
    public let path: String
    public let objects: ObjectStore
    let db: DatabasePool
    /// The clock for every recorded time; tests inject a fixed one.
    public let clock: @Sendable () -> Date
    /// Called between writing originals and committing the ingest transaction. Tests use it to
    /// inject a crash at the worst moment; nil in normal use.
    let faultBeforeCommit: (@Sendable () throws -> Void)?
    /// Which searches have more hits than are sorted by time (see ``SearchOrderMemory``).
    let searchOrder = SearchOrderMemory()
    /// The modules the store was opened with (a destruction asks each to remove its rows).
    let modules: [any StoreModule]
    /// The SQL functions that seal and open a case's text, with the store's keys (none when the
    /// store is not encrypted).
    let sealing: SealFunctions
    /// What differs between the databases, for this store's: chosen once, when it opens.
    package let dialect: StoreDialect

    public static let databaseName = "bewaar.sqlite"

    /// Opens the store at `path` without modules (see the initialiser with `modules`).
    public convenience init(
        path: String, create: Bool, clock: @escaping @Sendable () -> Date = { Date() },
        faultBeforeCommit: (@Sendable () throws -> Void)? = nil, key: StoreKeySource? = nil
    ) throws {
        try self.init(path: path, create: create, clock: clock, faultBeforeCommit: faultBeforeCommit, modules: [], key: key)
    }

    /// Opens the store at `path`. With `create`, a missing folder is made; otherwise a missing
    /// store is an error that says how to make one.
    /// `modules` register the migrations of their own tables (see ``StoreModule``) and are told
    /// once the store is open.
    package init(
        path: String, create: Bool, clock: @escaping @Sendable () -> Date = { Date() },
        faultBeforeCommit: (@Sendable () throws -> Void)? = nil, modules: [any StoreModule],
        key: StoreKeySource? = nil
    ) throws {
        self.path = path
        self.clock = clock
        self.faultBeforeCommit = faultBeforeCommit
        self.modules = modules
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
        let sealing = SealFunctions(keyring: isNew ? nil : try Self.openKeys(databasePath: dbPath, storePath: path, source: key))
        self.sealing = sealing
        objects = ObjectStore(root: path + "/objects", tmp: path + "/tmp", keys: ObjectKeys(sealing: sealing))
        var config = Configuration()
        config.prepareDatabase { db in sealing.register(on: db) }
        config.busyMode = .timeout(60)
        config.foreignKeysEnabled = true
        config.label = "bewaar"
        do {
            db = try DatabasePool(path: dbPath, configuration: config)
            if isNew {
                // Pages an ingest frees (the search index merging its segments) go back to the file
                // system after it (`incremental_vacuum`) instead of staying in the file: new stores
                // only, as the mode can only be set on an empty database.
                try db.writeWithoutTransaction { try $0.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL; VACUUM") }
            }
            try migrator.migrate(db)
            objects.keys.attach(db)
        } catch {
            throw StoreError.unreadable(path, error)
        }
        dialect = .sqlite(SQLiteDatabase(db))
        for module in modules { try module.opened(self) }
    }

    /// Runs `body` in a transaction through GRDB's own `write`. Since GRDB 7 a writer connection
    /// begins its transactions IMMEDIATE (`Database.beginTransaction` with no kind; GRDB 6's
    /// `Configuration.defaultTransactionKind` is gone), so the write lock is taken before
    /// anything is read and two processes never build on the same chain head.
    package func write<T>(_ body: (Database) throws -> T) throws -> T {
        try db.write(body)
    }

    package func read<T>(_ body: (Database) throws -> T) throws -> T {
        try db.read(body)
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
