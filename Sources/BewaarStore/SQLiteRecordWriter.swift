import Foundation
import GRDB
import GRDBSQLite
import BewaarModel
import BewaarJSON

/// Writes an ingest's records into a SQLite store as the importer reads them, inside the ingest's
/// transaction (see ``CaseStore/recordIngest(_:in:reading:)``; behind ``RecordWriter`` through
/// ``SQLiteRecordStorage``): one prepared statement, bound through SQLite's C API, so a chat of
/// hundreds of thousands of messages is never held whole. The one place records reach GRDB's
/// `Database`, taken from the ``SQLiteStoreConnection`` once per item.
///
/// The records of one item get consecutive row ids (nothing else writes `messages` inside the
/// transaction). A plain store's full-text index is filled once, when the last record is in: one
/// statement for the whole item; an encrypted store's gets each record's terms as it is written
/// (they come from the reading thread, see ``RecordSealing``).
final class SQLiteRecordWriter: ItemRecordWriting {
    let db: Database
    private let statement: Statement
    /// Records written so far (placed ones as soon as they are taken, see ``add(_:at:)-(RecordRows,_)``).
    private(set) var count = 0
    /// Row id of the first record (nil until one is written).
    private(set) var firstID: Int64?
    /// The furthest byte of the original that a record reached (its origin end, for records not
    /// inside a part): how far the reading has come.
    private(set) var bytesCovered: Int64 = 0

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
    let sealing: RecordSealing?
    private let ownSealing: RecordSealing?
    /// Indexes a record's search terms (an encrypted store) as the record is written.
    private let termsStatement: Statement?

    init(db: Database, itemID: Int64, caseNo: Int64, key: CaseKey?) throws {
        self.db = db
        self.key = key
        sealing = key.map(RecordSealing.init(key:))
        ownSealing = sealing?.forAnotherThread()
        if key != nil {
            termsStatement = try db.makeStatement(sql: Self.indexOne)
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
        self.caseNo = caseNo
        bindItem(statement.sqliteStatement)
        try db.execute(sql: "SAVEPOINT \(Self.savepoint)")
    }

    /// Adds the next record.
    func add(_ m: Message) throws {
        if single.sealing == nil && sealing != nil { single = RecordRows(capacity: 1, sealing: ownSealing) }
        single.removeAll()
        single.append(m)
        try add(single)
    }

    /// Adds the next records, in order.
    func add(_ rows: RecordRows) throws {
        guard placing == nil else { throw RecordWriter.wrongOrder }
        try insert(rows, statement: statement, seqs: nil)
    }

    /// Adds records at the sequence numbers `seqs` gives (one per row; see
    /// `PlacingRecordSink`): record `s` is row `first + s`, where `first` is the row id the first
    /// record of an item written in order would get. Over the whole writing the numbers must be
    /// each used once and end up `0..<count`, which ``finish()`` checks. A batch is inserted in
    /// ascending row ids (a newest-first page gives them descending: each batch is turned round,
    /// so the table's pages fill almost as in order, and an encrypted store's search index
    /// flushes once per batch, not once per record).
    func add(_ rows: RecordRows, at seqs: [Int]) throws {
        guard seqs.count == rows.count, count == 0 || placing != nil else { throw RecordWriter.wrongOrder }
        if placing == nil {
            let next = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM messages") ?? 1
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO messages (item_id, case_no, seq, ts, utc_offset, author_no, kind, text, origin_line, origin_offset,
                                          origin_length, rest, id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            bindItem(statement.sqliteStatement)
            // A plain store's index is filled as the records go in (the reading goes on meanwhile),
            // not read back at the end.
            let text = key == nil ? try db.makeStatement(sql: Self.indexOne) : nil
            placing = Placing(first: next, statement: statement, text: text)
            firstID = next
        }
        guard let p = placing else { return }
        var highest = p.highest
        for q in seqs {
            guard q >= 0, q < Int(Int32.max) else { throw RecordWriter.wrongOrder }
            highest = max(highest, q)
        }
        placing?.highest = highest
        placing?.held.append((rows, seqs))
        count += rows.count  // taken: counted now, inserted with its run
        placing?.heldCount += rows.count
        if p.heldCount + rows.count >= Self.placingRun { try insertHeld() }
    }

    /// Adds records at the sequence numbers `seqs` gives, encoding them on this thread (see
    /// ``add(_:at:)-(RecordRows,_)``).
    func add(_ records: [FlatRecord], at seqs: [Int]) throws {
        var rows = RecordRows(capacity: records.count, sealing: ownSealing)
        for r in records { rows.append(r) }
        try add(rows, at: seqs)
    }

    /// Records placed are inserted in runs of this many: a newest-first page's batches come in
    /// descending order, and a run is inserted ascending (pages fill as in order; the search index
    /// flushes once per run, as FTS5 does when a row id is lower than the one before). 4,096 rather
    /// than 8,192: the writing starts sooner and ends sooner after the reading (50 MB page 1.47 →
    /// 1.41 s), for a store 0.6 % larger and a little more merging in the index.
    static let placingRun = 4096

    /// Inserts the batches held, the last one first.
    private func insertHeld() throws {
        guard let p = placing, !p.held.isEmpty else { return }
        placing?.held = []
        placing?.heldCount = 0
        for (rows, seqs) in p.held.reversed() { try insert(rows, statement: p.statement, seqs: seqs) }
    }

    /// Binds and inserts `rows` with `statement`: in order, or at `seqs` (ascending).
    private func insert(_ rows: RecordRows, statement: Statement, seqs: [Int]?) throws {
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
            for k in Self.ascending(rows.count, seqs) {
                let e = rows.entries[k]
                sealedEntry = e.sealed
                if let seqs {
                    let seq = Int64(seqs[k])
                    sqlite3_bind_int64(s, 3, seq)
                    sqlite3_bind_int64(s, 13, (placing?.first ?? 0) + seq)
                } else {
                    sqlite3_bind_int64(s, 3, Int64(count))
                }
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
                } else if seqs != nil, let t = placing?.text?.sqliteStatement {
                    sqlite3_bind_int64(t, 1, sqlite3_last_insert_rowid(db.sqliteConnection))
                    sqlite3_bind_text(t, 2, (base + e.text.lowerBound).assumingMemoryBound(to: CChar.self), Int32(e.text.count), nil)
                    try step(t)
                }
                if seqs == nil { count += 1 }
                if !e.inPart {
                    let (end, overflow) = e.offset.addingReportingOverflow(e.length)
                    bytesCovered = max(bytesCovered, overflow ? .max : end)
                }
            }
        }
        // No binding may point into the batch once it is gone.
        sqlite3_clear_bindings(s)
        bindItem(s)
    }

    /// The order to insert a batch's rows in: as they come, or by `seqs` ascending (a
    /// newest-first page's batch comes descending: turned round without sorting).
    private static func ascending(_ n: Int, _ seqs: [Int]?) -> [Int] {
        guard let seqs, n > 1 else { return Array(0..<n) }
        if zip(seqs, seqs.dropFirst()).allSatisfy({ $0 > $1 }) { return Array((0..<n).reversed()) }
        return (0..<n).sorted { seqs[$0] < seqs[$1] }
    }

    /// Records written at given sequence numbers (``add(_:at:)``): where they start, their own
    /// statement (with the row id last), and the highest number used so far.
    private struct Placing {
        let first: Int64
        let statement: Statement
        /// A plain store's index statement.
        let text: Statement?
        var highest = -1
        /// Batches not inserted yet (``placingRun``).
        var held: [(RecordRows, [Int])] = []
        var heldCount = 0
    }
    private var placing: Placing?

    /// Indexes one record for search: its row id and its text (a plain store) or terms (encrypted).
    private static let indexOne = "INSERT INTO messages_fts (rowid, text) VALUES (?, ?)"

    /// Indexes the search terms of the record just inserted. Inside the ingest's transaction FTS5
    /// keeps them in memory and writes its segments at the end, as one statement for the whole
    /// item would (measured: the same segments, and no temporary table on the way).
    private func putTerms(_ t: OpaquePointer, _ e: RecordRows.Entry, _ base: UnsafeRawPointer) throws {
        sqlite3_bind_int64(t, 1, sqlite3_last_insert_rowid(db.sqliteConnection))  // the explicit id when placed too
        if let r = e.terms {
            sqlite3_bind_text(t, 2, (base + r.lowerBound).assumingMemoryBound(to: CChar.self), Int32(r.count), nil)
        } else {
            // A record that came unsealed: its terms from its text, here.
            let text = String(decoding: UnsafeRawBufferPointer(start: base + e.text.lowerBound, count: e.text.count), as: UTF8.self)
            sqlite3_bind_text(t, 2, ownSealing?.terms(text) ?? "", -1, Self.transient)
        }
        try step(t)
    }

    /// Runs an insert once and readies it for the next.
    private func step(_ t: OpaquePointer) throws {
        let rc = sqlite3_step(t)
        sqlite3_reset(t)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Drops every record written so far (an importer that failed half-way: its file is kept
    /// with a warning, without the records it had read).
    func discard() throws {
        try db.execute(sql: "ROLLBACK TO \(Self.savepoint)")
        count = 0
        firstID = nil
        bytesCovered = 0
        placing = nil
        authors = [:]  // those added since the savepoint are gone again
    }

    /// The number of an author of this case: from this writing's table, else from `authors`,
    /// added there when new.
    private func authorNumber(_ name: UnsafeBufferPointer<UInt8>) throws -> Int64 {
        let key = String(decoding: name, as: UTF8.self)
        if let id = authors[key] { return id }
        let stored = Sealer.seal("authors", "name", with: self.key, key)
        try db.execute(cached: "INSERT INTO authors (case_no, name) VALUES (?1, ?2) ON CONFLICT DO NOTHING", arguments: [caseNo, stored])
        guard
            let id = try Int64.fetchOne(db, cached: "SELECT id FROM authors WHERE case_no = ?1 AND name = ?2", arguments: [caseNo, stored])
        else {
            throw StoreError(.invalidValue, nl: "Auteur \(key) kon niet worden opgeslagen.", en: "Author \(key) could not be stored.")
        }
        authors[key] = id
        return id
    }

    var taken: Int { count }

    func end() throws { try finish() }

    /// Ends the writing: the records are indexed for search, and the item notes where they start
    /// (``ItemRecordRange``; the caller sets its `message_count` to ``count``).
    func finish() throws {
        try insertHeld()
        if let p = placing {
            // Placed records must fill 0..<count (distinct: each is its own row id).
            guard p.highest + 1 == count else { throw RecordWriter.wrongOrder }
            sqlite3_clear_bindings(p.statement.sqliteStatement)
            if let t = p.text { sqlite3_clear_bindings(t.sqliteStatement) }
        }
        sqlite3_clear_bindings(statement.sqliteStatement)
        try db.execute(sql: "RELEASE \(Self.savepoint)")
        try db.execute(cached: "UPDATE items SET first_record = ? WHERE id = ?", arguments: [firstID ?? 0, itemID])
        // An encrypted store's index (hashed terms, see ``SealedSearch``) was filled record by
        // record, and so was a plain store's for placed records.
        if let first = firstID, key == nil, placing == nil {
            try db.execute(
                sql: "INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE id BETWEEN ? AND ?",
                arguments: [first, first + Int64(count) - 1])
        }
    }

    /// The item and the case are the same for every record: bound once, again after each batch
    /// clears the bindings.
    private func bindItem(_ s: OpaquePointer?) {
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
