import Foundation
import GRDB
import GRDBSQLite
import BewaarModel

/// Writes an ingest's records into the store as the importer reads them, inside the ingest's
/// transaction (see ``CaseStore/recordIngest(_:in:reading:)``): one prepared statement, bound
/// through SQLite's C API, so a chat of hundreds of thousands of messages is never held whole.
///
/// The records of one item get consecutive row ids (nothing else writes `messages` inside the
/// transaction), which is how an item's records are found without an index of their own. The
/// full-text index is filled once, when the last record is in: one statement for the whole item
/// (an index update per record made FTS5 flush a tiny segment every time).
public final class RecordWriter {
    private let db: Database
    private let statement: Statement
    /// Records written so far.
    public private(set) var count = 0
    /// Row id of the first record (nil until one is written).
    private(set) var firstID: Int64?
    /// The furthest byte of the original that a record reached (its origin end, for records not
    /// inside a part): how far the reading has come.
    public private(set) var bytesCovered: Int64 = 0

    private static let savepoint = "bewaar_records"

    init(db: Database, itemID: Int64, caseID: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: """
            INSERT INTO messages (item_id, case_id, seq, ts, utc_offset, author, kind, text, origin_line, origin_offset,
                                  origin_length, rest)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // The item and the case are the same for every record: bound once.
        try statement.setArguments([itemID, caseID, 0, nil, nil, nil, "", "", nil, 0, 0, nil])
        try db.execute(sql: "SAVEPOINT \(Self.savepoint)")
    }

    /// Adds the next record.
    public func add(_ m: Message) throws {
        let s = statement.sqliteStatement
        sqlite3_bind_int64(s, 3, Int64(count))
        if let t = m.timestamp {
            sqlite3_bind_double(s, 4, t.date.timeIntervalSince1970)
            sqlite3_bind_int64(s, 5, Int64(t.utcOffsetSeconds))
        } else {
            sqlite3_bind_null(s, 4)
            sqlite3_bind_null(s, 5)
        }
        if let a = m.author { Self.bind(s, 6, a) } else { sqlite3_bind_null(s, 6) }
        Self.bind(s, 7, m.kind.rawValue)
        Self.bind(s, 8, m.text)
        if let line = m.origin.line { sqlite3_bind_int64(s, 9, Int64(line)) } else { sqlite3_bind_null(s, 9) }
        sqlite3_bind_int64(s, 10, m.origin.offset)
        sqlite3_bind_int64(s, 11, m.origin.length)
        if let rest = StoredRecord.rest(of: m) { Self.bind(s, 12, rest) } else { sqlite3_bind_null(s, 12) }
        let rc = sqlite3_step(s)
        sqlite3_reset(s)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        if firstID == nil { firstID = sqlite3_last_insert_rowid(db.sqliteConnection) }
        count += 1
        if m.origin.part == nil { bytesCovered = max(bytesCovered, m.origin.offset + m.origin.length) }
    }

    /// Drops every record written so far (an importer that failed half-way: its file is kept
    /// with a warning, without the records it had read).
    public func discard() throws {
        try db.execute(sql: "ROLLBACK TO \(Self.savepoint)")
        count = 0
        firstID = nil
        bytesCovered = 0
    }

    /// Ends the writing: the records are indexed for search. Returns the first row id.
    func finish() throws -> Int64? {
        sqlite3_clear_bindings(statement.sqliteStatement)
        try db.execute(sql: "RELEASE \(Self.savepoint)")
        if let first = firstID {
            try db.execute(sql: "INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE id BETWEEN ? AND ?",
                           arguments: [first, first + Int64(count) - 1])
        }
        return firstID
    }

    /// SQLite copies the bytes (the string may go before the statement runs).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    private static let empty: StaticString = ""

    private static func bind(_ s: OpaquePointer, _ index: Int32, _ value: String) {
        var v = value
        v.withUTF8 { u in
            // An empty buffer may have no address, which SQLite would bind as NULL.
            let p = u.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(empty.utf8Start)
            sqlite3_bind_text(s, index, p.assumingMemoryBound(to: CChar.self), Int32(u.count), transient)
        }
    }
}
