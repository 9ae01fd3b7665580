import GRDB

/// ``DatabaseBackup`` on SQLite, as ``CaseStore/backupDatabase(to:)`` has always done it:
/// SQLite's online backup (one read transaction, so the copy is the state of one moment while
/// other processes keep reading and writing) into a new file, made 0600, which stands alone
/// (a rollback journal, no `-wal` beside it).
package struct SQLiteBackup: DatabaseBackup {
    /// The store's database.
    package let writer: any DatabaseWriter

    package init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    package func backUp(to path: String) throws {
        guard try PrivateMode.createFile(path) else {
            throw StoreError(
                .writeFailed, nl: "\(path) bestaat al; een reservekopie overschrijft niets.",
                en: "\(path) exists already; a backup overwrites nothing.")
        }
        do {
            let copy = try DatabaseQueue(path: path)
            try writer.backup(to: copy)
            // The copy stands alone: a rollback journal (no -wal beside it); a store opened on it goes back to WAL.
            try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
        } catch {
            throw StoreError(
                .writeFailed, nl: "De reservekopie van de database kon niet worden gemaakt in \(path) (\(error)).",
                en: "The backup of the database could not be made in \(path) (\(error)).")
        }
        PrivateMode.restrict(file: path)
    }
}
