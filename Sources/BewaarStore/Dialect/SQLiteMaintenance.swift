import Foundation
import GRDB

/// ``StoreMaintenance`` on SQLite, as the store has always done it. After a destruction
/// (``CaseStore/secureCleanup()``): with `secure_delete` on, merges the search index into one
/// segment (the terms of deleted records are dropped, not only marked), rebuilds the file without
/// its free pages (`VACUUM`), then empties the write-ahead log (`wal_checkpoint(TRUNCATE)`). The
/// whole file is rebuilt, so the list of tables is not needed.
package struct SQLiteMaintenance: StoreMaintenance {
    /// The store's database.
    package let writer: any DatabaseWriter
    /// The database file (its `-wal` beside it).
    package let databasePath: String

    package init(writer: any DatabaseWriter, databasePath: String) {
        self.writer = writer
        self.databasePath = databasePath
    }

    package func cleanUp(afterDeletingFrom tables: [String]) throws -> MaintenanceOutcome {
        try writer.writeWithoutTransaction { db in
            try Self.withSecureDelete(db) {
                try db.execute(sql: "INSERT INTO messages_fts (messages_fts) VALUES ('optimize')")
                try db.execute(sql: "VACUUM")
            }
        }
        let emptied = try writer.writeWithoutTransaction { db -> Bool in
            let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return (row?[0] as Int? ?? 1) == 0
        }
        let walSize = (try? FileManager.default.attributesOfItem(atPath: databasePath + "-wal")[.size] as? Int64) ?? 0
        let size = (try? FileManager.default.attributesOfItem(atPath: databasePath)[.size] as? Int64) ?? 0
        return .fileRebuilt(walEmptied: emptied && walSize == 0, databaseBytes: size)
    }

    /// After 10,000 records or more, fresh statistics (`ANALYZE` with a limit), so the planner
    /// keeps using the timeline index; after any, the pages the search index freed while merging
    /// go back to the file system (`incremental_vacuum`: a store made before `auto_vacuum` keeps
    /// them for the next ingest, and there this does nothing).
    package func tidy(afterIngesting records: Int) throws {
        if records >= 10_000 {
            try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA analysis_limit = 2000; ANALYZE") }
        }
        if records > 0 {
            try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA incremental_vacuum") }
        }
    }

    /// `VACUUM` with `secure_delete` on, then `wal_checkpoint(TRUNCATE)`, as
    /// ``CaseStore/compactAfterRemoval()`` has always done it.
    package func compact(afterRewriting tables: [String]) throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
            try db.execute(sql: "VACUUM")
            _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    package func writingSecurely<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            try Self.withSecureDelete(db) {
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(SQLiteStoreConnection(db))
                    return .commit
                }
                guard let result else { throw StoreError(.writeFailed, nl: "Vernietigen mislukt.", en: "Destruction failed.") }
                return result
            }
        }
    }

    package func problems(opening sealer: Sealer) throws -> [IntegrityProblem] {
        // Each item's records must be the rows its first_record and message_count name: item
        // windows and bundles find them there (ItemRecordRange). One pass over the records.
        let misplaced = try SQLiteDatabase(writer).read { c in
            try c.fetch(
                """
                SELECT i.id, i.name, i.case_id FROM items i
                LEFT JOIN (SELECT item_id, COUNT(*) AS n, MIN(id - seq) AS low, MAX(id - seq) AS high, MIN(seq) AS s0, MAX(seq) AS s1
                           FROM messages GROUP BY item_id) r ON r.item_id = i.id
                WHERE i.first_record IS NOT NULL
                  AND (COALESCE(r.n, 0) != i.message_count
                       OR (r.n > 0 AND (r.low != i.first_record OR r.high != i.first_record OR r.s0 != 0 OR r.s1 != r.n - 1)))
                LIMIT 100
                """
            ).map { row in
                let item = try StoredRow(row, table: "items", key: "id")("id", as: Int64.self)
                return IntegrityProblem.misplacedRecords(item: item, name: try sealer.open(row[1], case: row[2]) ?? "")
            }
        }
        // The search index must hold exactly the records' texts (FTS5 compares it with them).
        do {
            try writer.writeWithoutTransaction {
                try $0.execute(cached: "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)")
            }
        } catch {
            return misplaced + [IntegrityProblem.searchIndexDiffers(error)]
        }
        return misplaced
    }

    /// Runs `body` with `secure_delete` on and puts the setting back afterwards.
    private static func withSecureDelete<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let before = try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? 0
        try db.execute(sql: "PRAGMA secure_delete = ON")
        defer { try? db.execute(sql: "PRAGMA secure_delete = \(before == 0 ? "OFF" : before == 1 ? "ON" : "FAST")") }
        return try body()
    }
}
