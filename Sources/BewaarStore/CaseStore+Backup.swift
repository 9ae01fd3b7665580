import Foundation
import GRDB
import BewaarModel

/// An object the database refers to: what a backup copies.
public struct ReferencedObject: Sendable, Hashable {
    public var digest: SHA256Digest
    /// The size the database records for it.
    public var size: Int64
    /// Whether the object file holds the original's bytes as they are, so that its own SHA-256
    /// and size must equal ``digest`` and ``size``. (An encrypted object will not: the
    /// encryption at rest decides this at merge.)
    public var isPlain: Bool
}

extension CaseStore {
    /// Copies the database into a new file at `path` (which must not exist), as the store's
    /// database does it (``StoreDialect/backup``): SQLite's online backup, one read transaction,
    /// so the copy is the state of one moment while other processes keep reading and writing (the
    /// copy is 0600); a store in PostgreSQL refuses and names `pg_dump`.
    public func backupDatabase(to path: String) throws {
        try dialect.backup.backUp(to: path)
    }

    /// The objects a store database file refers to, each once: read from `databasePath` (a
    /// backup's copy, so that exactly what it refers to is copied), never written. A SQLite
    /// file: what ``backupDatabase(to:)`` writes.
    public static func referencedObjects(inDatabase databasePath: String) throws -> [ReferencedObject] {
        var config = Configuration()
        config.readonly = true
        do {
            let q = try DatabaseQueue(path: databasePath, configuration: config)
            defer { try? q.close() }
            return try SQLiteDatabase(q).read { c in
                try c.fetch("SELECT sha256, MAX(size) AS size FROM items GROUP BY sha256 ORDER BY sha256").compactMap { found in
                    let row = StoredRow(found, table: "items", key: "sha256")
                    guard let digest = SHA256Digest(hex: try row("sha256")) else { return nil }
                    return ReferencedObject(digest: digest, size: try row("size"), isPlain: true)
                }
            }
        } catch {
            throw StoreError(
                .unreadable, nl: "De database \(databasePath) kan niet worden gelezen (\(error)).",
                en: "The database \(databasePath) cannot be read (\(error)).")
        }
    }

    /// Records in the store-wide chain that this store was restored from a backup (custody
    /// event `store-restored`).
    public func recordRestore(details: [String: String], actor: String) throws {
        try writing { c in
            try appendEvent(c, chain: Self.storeChain, actor: actor, action: .storeRestored, details: details)
        }
    }
}
