import GRDB
import GRDBSQLite
import BewaarJSON

/// Reads records' JSON straight from SQLite's column bytes (see ``StoredRecord``): the author and
/// text are never made into strings, so copying a large chat out costs little more than its bytes.
/// In an encrypted store the sealed columns are opened here, in Swift (``SealedOpener``).
enum RecordReader {
    /// Steps `statement` (selecting ``StoredRecord/storedColumns``, arguments set) and calls `body`
    /// with each record's compact JSON. Authors' names and kinds' texts are found as
    /// ``StoredRecord/columns`` finds them (a missing author is null, an unknown kind code is its
    /// number as text), each author's once.
    static func forEachJSON(
        _ statement: Statement, db: Database, sealer: Sealer, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        // Records often share their `rest` (the same flags, no attachments): its part of the JSON
        // is written once per distinct `rest` (a bounded number kept).
        var tails: [String: RecordJSONTail] = [:]
        let opener = sealer.seals ? SealedOpener(sealer) : nil
        var authors = AuthorNames(try db.makeStatement(sql: "SELECT name, case_no FROM authors WHERE id = ?"), opener: opener)
        /// Column `i` as text bytes for `use`: opened first when sealed (the record's case number is column 10).
        func withText<T>(_ i: Int32, _ use: (UnsafeBufferPointer<UInt8>?) throws -> T) throws -> T {
            guard let opener, let b = bytes(s, i), SealedValue.isSealed(UnsafeRawBufferPointer(b)) else { return try use(bytes(s, i)) }
            return try opener.open(UnsafeRawBufferPointer(b), case: sqlite3_column_int64(s, 10).databaseValue).withUnsafeBufferPointer { try use($0) }
        }
        while true {
            let rc = sqlite3_step(s)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            out.removeAll(keepingCapacity: true)
            if sqlite3_column_type(s, 9) != SQLITE_NULL {
                try withText(9) { verbatim in if let verbatim { try body(verbatim) } }
                continue
            }
            let isNull = { (i: Int32) in sqlite3_column_type(s, i) == SQLITE_NULL }
            let kind = kindText(s, 3)
            let line = isNull(5) ? nil : Int(sqlite3_column_int64(s, 5))
            let author = isNull(2) ? nil : try authors.name(sqlite3_column_int64(s, 2), db: db)
            let restTail = try withText(8) { RecordReader.tail($0, &tails) }
            try withText(4) { stored in
                let text = stored ?? UnsafeBufferPointer(start: nil, count: 0)
                func write(_ author: UnsafeBufferPointer<UInt8>?) {
                    StoredRecord.writeJSON(
                        ts: isNull(0) ? nil : sqlite3_column_double(s, 0), utcOffset: Int(sqlite3_column_int64(s, 1)), author: author,
                        kind: kind, text: text, line: line, offset: sqlite3_column_int64(s, 6), length: sqlite3_column_int64(s, 7),
                        tail: restTail, into: &out)
                }
                if let author { author.withUnsafeBufferPointer { write($0) } } else { write(nil) }
            }
            try out.withUnsafeBufferPointer { try body($0) }
        }
    }

    /// The tail for a record's `rest` bytes, from `tails` or made and kept there.
    private static func tail(_ rest: UnsafeBufferPointer<UInt8>?, _ tails: inout [String: RecordJSONTail]) -> RecordJSONTail {
        guard let rest else { return .empty }
        let key = String(decoding: rest, as: UTF8.self)
        if let t = tails[key] { return t }
        let t = StoredRecord.tail(rest: key)
        if tails.count >= 4_096 { tails.removeAll(keepingCapacity: true) }
        tails[key] = t
        return t
    }

    /// A kind as ``StoredKind/name(_:)`` gives it: a known code's name, anything else as its text.
    private static func kindText(_ s: OpaquePointer, _ i: Int32) -> String {
        switch sqlite3_column_type(s, i) {
        case SQLITE_INTEGER:
            let code = sqlite3_column_int64(s, i)
            if code >= 0 && code < Int64(StoredKind.codes.count) { return StoredKind.codes[Int(code)] }
        case SQLITE_FLOAT:
            let code = sqlite3_column_double(s, i)
            if code >= 0 && code < Double(StoredKind.codes.count) && code == code.rounded(.down) { return StoredKind.codes[Int(code)] }
        default: break
        }
        return bytes(s, i).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The UTF-8 bytes of a text column, nil when it is NULL; valid until the next step.
    private static func bytes(_ s: OpaquePointer, _ i: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard sqlite3_column_type(s, i) != SQLITE_NULL, let p = sqlite3_column_text(s, i) else { return nil }
        return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i)))
    }
}

/// Authors' names by number, each looked up once (opened when sealed).
private struct AuthorNames {
    let statement: Statement
    let opener: SealedOpener?
    /// nil: no such author, or no name (the record's author is then null).
    var names: [Int64: [UInt8]?] = [:]

    init(_ statement: Statement, opener: SealedOpener?) {
        self.statement = statement
        self.opener = opener
    }

    mutating func name(_ number: Int64, db: Database) throws -> [UInt8]? {
        if let known = names[number] { return known }
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        sqlite3_bind_int64(s, 1, number)
        var name: [UInt8]?
        let rc = sqlite3_step(s)
        if rc == SQLITE_ROW, sqlite3_column_type(s, 0) != SQLITE_NULL, let p = sqlite3_column_text(s, 0) {
            let stored = UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, 0)))
            if let opener, SealedValue.isSealed(stored) {
                name = try opener.open(stored, case: sqlite3_column_int64(s, 1).databaseValue)
            } else {
                name = Array(stored)
            }
        } else if rc != SQLITE_ROW && rc != SQLITE_DONE {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        if names.count >= 4_096 { names.removeAll(keepingCapacity: true) }
        names[number] = name
        return name
    }
}
