import Foundation
import GRDB

/// ``StoreMaintenance`` on SQLite, as ``CaseStore/secureCleanup()`` has always done it: with
/// `secure_delete` on, merges the search index into one segment (the terms of deleted records
/// are dropped, not only marked), rebuilds the file without its free pages (`VACUUM`), then
/// empties the write-ahead log (`wal_checkpoint(TRUNCATE)`). The whole file is rebuilt, so the
/// list of tables is not needed.
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
            let before = try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? 0
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = \(before == 0 ? "OFF" : before == 1 ? "ON" : "FAST")") }
            try db.execute(sql: "INSERT INTO messages_fts (messages_fts) VALUES ('optimize')")
            try db.execute(sql: "VACUUM")
        }
        let emptied = try writer.writeWithoutTransaction { db -> Bool in
            let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return (row?[0] as Int? ?? 1) == 0
        }
        let walSize = (try? FileManager.default.attributesOfItem(atPath: databasePath + "-wal")[.size] as? Int64) ?? 0
        let size = (try? FileManager.default.attributesOfItem(atPath: databasePath)[.size] as? Int64) ?? 0
        return .fileRebuilt(walEmptied: emptied && walSize == 0, databaseBytes: size)
    }
}
