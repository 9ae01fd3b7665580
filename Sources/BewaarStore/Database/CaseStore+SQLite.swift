import Foundation
import GRDB

// The SQLite store: how its folder and database are opened (``CaseStore/init(path:create:clock:faultBeforeCommit:modules:key:)``),
// and GRDB's own transactions, for what only SQLite does.

extension CaseStore {
    /// The parts of the SQLite store at `path` (see ``init(path:create:clock:faultBeforeCommit:modules:key:)``).
    static func openSQLite(path: String, create: Bool, modules: [any StoreModule], key: StoreKeySource?) throws -> Opened {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
        if exists && !isDir.boolValue {
            throw StoreError(
                .unreadable, nl: "\(path) is een bestand, geen opslagmap. Geef met --store een map op.",
                en: "\(path) is a file, not a store folder. Name a folder with --store.")
        }
        let dbPath = path + "/" + CaseStore.databaseName
        if !fm.fileExists(atPath: dbPath) && !create {
            throw StoreError(
                .noStore,
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
}
