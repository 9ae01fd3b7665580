import Foundation
import GRDB
import GRDBSQLite
import BewaarModel

/// Writes an ingest's records into the store as the importer reads them, inside the ingest's
/// transaction (see ``CaseStore/recordIngest(_:in:reading:)``): one prepared statement, bound
/// through SQLite's C API, so a chat of hundreds of thousands of messages is never held whole.
///
/// The records of one item get consecutive row ids (nothing else writes `messages` inside the
/// transaction). A plain store's full-text index is filled once, when the last record is in: one
/// statement for the whole item; an encrypted store's gets each record's terms as it is written
/// (they come from the reading thread, see ``RecordSealing``).
public final class RecordWriter {
    let db: Database
    private let statement: Statement
    /// Records written so far.
    public private(set) var count = 0
    /// Row id of the first record (nil until one is written).
    private(set) var firstID: Int64?
    /// The furthest byte of the original that a record reached (its origin end, for records not
    /// inside a part): how far the reading has come.
    public private(set) var bytesCovered: Int64 = 0

    private static let savepoint = "bewaar_records"
    private let itemID: Int64
    /// The case's number (`cases.no`).
    private let caseNo: Int64
    /// Author numbers (`authors.id`) by name, as found or added during this writing.
    private var authors: [String: Int64] = [:]
    /// The batch ``add(_:)-(Message)`` reuses for one record.
    private var single = RecordRows(capacity: 1)
    /// The case's key in an encrypted store: each record's text and `rest` are sealed with it.
    private let key: CaseKey?
    /// For an encrypted store's reading thread (``RecordRows/init(capacity:sealing:)``); the
    /// writer seals with its own what comes unsealed.
    public let sealing: RecordSealing?
    private let ownSealing: RecordSealing?
    /// Indexes a record's search terms (an encrypted store) as the record is written.
    private let termsStatement: Statement?

    init(db: Database, itemID: Int64, caseID: String, key: CaseKey?) throws {
        self.db = db
        self.key = key
        sealing = key.map(RecordSealing.init(key:))
        ownSealing = sealing?.forAnotherThread()
        if key != nil {
            termsStatement = try db.makeStatement(sql: "INSERT INTO messages_fts (rowid, text) VALUES (?, ?)")
        } else {
            termsStatement = nil
        }
        statement = try db.makeStatement(
            sql: """
                INSERT INTO messages (item_id, case_no, seq, ts, utc_offset, author_no, kind, text, origin_line, origin_offset,
                                      origin_length, rest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        self.itemID = itemID
        guard let no = try Int64.fetchOne(db, sql: "SELECT no FROM cases WHERE id = ?", arguments: [caseID]) else {
            throw StoreError.unknownCase(caseID)
        }
        caseNo = no
        bindItem()
        try db.execute(sql: "SAVEPOINT \(Self.savepoint)")
    }

    /// Adds the next record.
    public func add(_ m: Message) throws {
        if single.sealing == nil && sealing != nil { single = RecordRows(capacity: 1, sealing: ownSealing) }
        single.removeAll()
        single.append(m)
        try add(single)
    }

    /// Adds the next records, in order.
    public func add(_ rows: RecordRows) throws {
        let s = statement.sqliteStatement
        try rows.bytes.withUnsafeBufferPointer { b in
            // SQLite reads the bytes where they are (they outlive each step).
            let base = UnsafeRawPointer(b.baseAddress) ?? UnsafeRawPointer(Self.empty.utf8Start)
            let key = self.key
            var sealedEntry = false
            func text(_ index: Int32, _ r: Range<Int>?) {
                guard let r else { sqlite3_bind_null(s, index); return }
                if sealedEntry {
                    sqlite3_bind_blob(s, index, base + r.lowerBound, Int32(r.count), nil)
                    return
                }
                if let key {
                    // SQLite copies the sealed bytes (SQLITE_TRANSIENT): they live in this call only.
                    let sealed = SealedValue.seal(UnsafeRawBufferPointer(start: base + r.lowerBound, count: r.count), with: key)
                    _ = sealed.withUnsafeBytes { sqlite3_bind_blob(s, index, $0.baseAddress, Int32($0.count), Self.transient) }
                    return
                }
                sqlite3_bind_text(s, index, (base + r.lowerBound).assumingMemoryBound(to: CChar.self), Int32(r.count), nil)
            }
            for e in rows.entries {
                sealedEntry = e.sealed
                sqlite3_bind_int64(s, 3, Int64(count))
                if let t = e.time {
                    sqlite3_bind_double(s, 4, t)
                    sqlite3_bind_int64(s, 5, e.utcOffset)
                } else {
                    sqlite3_bind_null(s, 4)
                    sqlite3_bind_null(s, 5)
                }
                if let a = e.author {
                    sqlite3_bind_int64(s, 6, try authorNumber(UnsafeBufferPointer(rebasing: b[a])))
                } else {
                    sqlite3_bind_null(s, 6)
                }
                if let code = e.kindCode { sqlite3_bind_int64(s, 7, code) } else { text(7, e.kind) }
                text(8, e.text)
                if let line = e.line { sqlite3_bind_int64(s, 9, line) } else { sqlite3_bind_null(s, 9) }
                sqlite3_bind_int64(s, 10, e.offset)
                sqlite3_bind_int64(s, 11, e.length)
                text(12, e.rest)
                let rc = sqlite3_step(s)
                sqlite3_reset(s)
                guard rc == SQLITE_DONE else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                if firstID == nil { firstID = sqlite3_last_insert_rowid(db.sqliteConnection) }
                if let t = termsStatement?.sqliteStatement {
                    try putTerms(t, e, base)
                }
                count += 1
                if !e.inPart {
                    let (end, overflow) = e.offset.addingReportingOverflow(e.length)
                    bytesCovered = max(bytesCovered, overflow ? .max : end)
                }
            }
        }
        // No binding may point into the batch once it is gone.
        sqlite3_clear_bindings(s)
        bindItem()
    }

    /// Indexes the search terms of the record just inserted. Inside the ingest's transaction FTS5
    /// keeps them in memory and writes its segments at the end, as one statement for the whole
    /// item would (measured: the same segments, and no temporary table on the way).
    private func putTerms(_ t: OpaquePointer, _ e: RecordRows.Entry, _ base: UnsafeRawPointer) throws {
        sqlite3_bind_int64(t, 1, sqlite3_last_insert_rowid(db.sqliteConnection))
        if let r = e.terms {
            sqlite3_bind_text(t, 2, (base + r.lowerBound).assumingMemoryBound(to: CChar.self), Int32(r.count), nil)
        } else {
            // A record that came unsealed: its terms from its text, here.
            let text = String(decoding: UnsafeRawBufferPointer(start: base + e.text.lowerBound, count: e.text.count), as: UTF8.self)
            sqlite3_bind_text(t, 2, ownSealing?.terms(text) ?? "", -1, Self.transient)
        }
        let rc = sqlite3_step(t)
        sqlite3_reset(t)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Drops every record written so far (an importer that failed half-way: its file is kept
    /// with a warning, without the records it had read).
    public func discard() throws {
        try db.execute(sql: "ROLLBACK TO \(Self.savepoint)")
        count = 0
        firstID = nil
        bytesCovered = 0
        authors = [:]  // those added since the savepoint are gone again
    }

    /// The number of an author of this case: from this writing's table, else from `authors`,
    /// added there when new.
    private func authorNumber(_ name: UnsafeBufferPointer<UInt8>) throws -> Int64 {
        let key = String(decoding: name, as: UTF8.self)
        if let id = authors[key] { return id }
        try db.execute(cached: "INSERT INTO authors (case_no, name) VALUES (?1, bw_seal(?1, ?2)) ON CONFLICT DO NOTHING", arguments: [caseNo, key])
        guard
            let id = try Int64.fetchOne(db, cached: "SELECT id FROM authors WHERE case_no = ?1 AND name = bw_seal(?1, ?2)", arguments: [caseNo, key])
        else {
            throw StoreError(.invalidValue, nl: "Auteur \(key) kon niet worden opgeslagen.", en: "Author \(key) could not be stored.")
        }
        authors[key] = id
        return id
    }

    /// Ends the writing: the records are indexed for search, and the item notes where they start
    /// (``ItemRecordRange``; the caller sets its `message_count` to ``count``).
    func finish() throws {
        sqlite3_clear_bindings(statement.sqliteStatement)
        try db.execute(sql: "RELEASE \(Self.savepoint)")
        try db.execute(cached: "UPDATE items SET first_record = ? WHERE id = ?", arguments: [firstID ?? 0, itemID])
        // An encrypted store's index (hashed terms, see ``SealedSearch``) was filled record by record.
        if let first = firstID, key == nil {
            try db.execute(
                sql: "INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE id BETWEEN ? AND ?",
                arguments: [first, first + Int64(count) - 1])
        }
    }

    /// The item and the case are the same for every record: bound once, again after each batch
    /// clears the bindings.
    private func bindItem() {
        let s = statement.sqliteStatement
        sqlite3_bind_int64(s, 1, itemID)
        sqlite3_bind_int64(s, 2, caseNo)
    }

    /// A batch's bytes as ``RecordStaging`` keeps them meanwhile: sealed with the case's key in an
    /// encrypted store (they hold author names in plain, and freed pages keep what was on them).
    func staged(_ bytes: [UInt8]) -> [UInt8] {
        guard let key else { return bytes }
        return bytes.withUnsafeBytes { SealedValue.seal($0, with: key) }
    }

    /// The bytes of a staged batch (``staged(_:)``); nil when they do not open with the case's key.
    func unstaged(_ stored: [UInt8]) -> [UInt8]? {
        guard let key else { return stored }
        return stored.withUnsafeBytes { SealedValue.open($0, with: key) }
    }

    /// SQLite's "copy the bytes now" destructor.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// An address for an empty text (a NULL address would bind NULL).
    private static let empty: StaticString = " "
}
