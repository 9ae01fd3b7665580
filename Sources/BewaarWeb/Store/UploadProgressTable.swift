import Foundation
import GRDB
import BewaarModel
import BewaarStore

/// One row of `upload_progress`: how far the reading of one upload has come.
struct UploadProgressRow: Sendable, Equatable {
    var caseID: CaseID
    var file: Int
    var files: Int
    /// The file's name as stored: sealed with the case's key in an encrypted store.
    var name: Data
    var messages: Int
    var bytesRead: Int64
    var totalBytes: Int64
    var done: Bool
    /// Seconds since 1970.
    var at: Double
}

/// The upload progress lines of every server behind the proxy, so the form's poll may land on
/// any of them. On SQLite they are kept in a small database of their own beside the store
/// (`web-voortgang.sqlite`, mode 0600): an ingest holds the store's one write lock until it
/// commits, so a line written into the store itself would wait for the very reading it tells
/// about. (On PostgreSQL the same table and SQL belong in the store's own database.) Rows are
/// keyed by the SHA-256 of the session's key and the form's id; they say how many records
/// were read, never what they hold, and the file's name is sealed like the case's other text.
final class UploadProgressTable: Sendable {
    static let fileName = "web-voortgang.sqlite"
    let db: DatabasePool
    /// The same pool behind the store's seam: the statements are ``UploadProgressLines``.
    var database: any StoreDatabase { SQLiteDatabase(db) }

    static let schema = """
        CREATE TABLE IF NOT EXISTS upload_progress (
            key TEXT PRIMARY KEY,
            case_id TEXT NOT NULL,
            file INTEGER NOT NULL,
            files INTEGER NOT NULL,
            name BLOB NOT NULL,
            messages INTEGER NOT NULL,
            bytes_read BIGINT NOT NULL,
            total_bytes BIGINT NOT NULL,
            done INTEGER NOT NULL,
            at DOUBLE PRECISION NOT NULL
        );
        CREATE INDEX IF NOT EXISTS upload_progress_at ON upload_progress(at);
        """

    /// Opens (or makes) the table beside the store at `storePath`.
    init(storePath: String) throws {
        let path = storePath + "/" + Self.fileName
        try PrivateMode.createFile(path)
        var config = Configuration()
        // A progress line is worth little: it never waits long for another server's write.
        config.busyMode = .timeout(2)
        config.label = "bewaar-voortgang"
        // A removed line leaves no file name on the freed page (a plain store keeps names plain).
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON") }
        db = try DatabasePool(path: path, configuration: config)
        try db.write { try $0.execute(sql: Self.schema) }
    }

    /// Writes the line of upload `key` (one statement).
    func put(_ key: String, _ row: UploadProgressRow) throws {
        try database.write(retryable: true) { c in try UploadProgressLines.put(c, key, row) }
    }

    /// The line of upload `key` when it was written at `since` or later; nil otherwise.
    func get(_ key: String, since: Double) throws -> UploadProgressRow? {
        try database.read { c in try UploadProgressLines.get(c, key, since: since) }
    }

    /// Removes the line of upload `key` (the upload ended).
    func remove(_ key: String) throws {
        try database.write(retryable: true) { c in try UploadProgressLines.remove(c, key) }
    }

    /// Removes the lines last written before `before` (a server stopped in the middle); returns how many.
    @discardableResult
    func purge(before: Double) throws -> Int {
        try database.write(retryable: true) { c in try UploadProgressLines.purge(c, before: before) }
    }
}

/// The statements on `upload_progress`, the same SQL on either database (in SQLite's side file,
/// ``UploadProgressTable``, or in a PostgreSQL store's own database).
enum UploadProgressLines {
    /// Writes the line of upload `key`.
    static func put(_ c: any StoreConnection, _ key: String, _ row: UploadProgressRow) throws {
        try c.execute(
            """
            INSERT INTO upload_progress (key, case_id, file, files, name, messages, bytes_read, total_bytes, done, at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            ON CONFLICT (key) DO UPDATE SET case_id = excluded.case_id, file = excluded.file, files = excluded.files,
                name = excluded.name, messages = excluded.messages, bytes_read = excluded.bytes_read,
                total_bytes = excluded.total_bytes, done = excluded.done, at = excluded.at
            """,
            [
                .text(key), .text(row.caseID.description), SQLValue(row.file), SQLValue(row.files), row.name.sqlValue,
                SQLValue(row.messages), .int(row.bytesRead), .int(row.totalBytes), .int(row.done ? 1 : 0), .double(row.at),
            ])
    }

    /// The line of upload `key` when it was written at `since` or later; nil otherwise.
    static func get(_ c: any StoreConnection, _ key: String, since: Double) throws -> UploadProgressRow? {
        guard
            let row = try c.fetchOne(
                """
                SELECT case_id, file, files, name, messages, bytes_read, total_bytes, done, at FROM upload_progress
                WHERE key = ?1 AND at >= ?2
                """, [.text(key), .double(since)]),
            let caseID = CaseID(String(sqlValue: row[0]) ?? "")
        else { return nil }
        let r = StoredRow(row, table: "upload_progress", key: "key")
        return UploadProgressRow(
            caseID: caseID, file: try r.at(1, "file"), files: try r.at(2, "files"), name: try r.at(3, "name", as: Data?.self) ?? Data(),
            messages: try r.at(4, "messages"), bytesRead: try r.at(5, "bytes_read"), totalBytes: try r.at(6, "total_bytes"),
            done: try r.at(7, "done", as: Int64?.self) ?? 0 != 0, at: try r.at(8, "at"))
    }

    /// Removes the line of upload `key`.
    static func remove(_ c: any StoreConnection, _ key: String) throws {
        try c.execute("DELETE FROM upload_progress WHERE key = ?1", [.text(key)])
    }

    /// Removes the lines last written before `before`; returns how many.
    static func purge(_ c: any StoreConnection, before: Double) throws -> Int {
        try c.execute("DELETE FROM upload_progress WHERE at < ?1", [.double(before)])
    }
}
