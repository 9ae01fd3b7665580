import GRDB
import GRDBSQLite
import BewaarJSON

/// Reads records' JSON straight from SQLite's column bytes (see ``StoredRecord``): the author and
/// text are never made into strings, so copying a large chat out costs little more than its bytes.
enum RecordReader {
    /// Steps `statement` (selecting ``StoredRecord/columns``, arguments set) and calls `body`
    /// with each record's compact JSON.
    static func forEachJSON(_ statement: Statement, db: Database, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        // Records often share their `rest` (the same flags, no attachments): its part of the JSON
        // is written once per distinct `rest` (a bounded number kept).
        var tails: [String: RecordJSONTail] = [:]
        while true {
            let rc = sqlite3_step(s)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            out.removeAll(keepingCapacity: true)
            if let verbatim = bytes(s, 9) {
                try body(verbatim)
                continue
            }
            let isNull = { (i: Int32) in sqlite3_column_type(s, i) == SQLITE_NULL }
            let kind = bytes(s, 3).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let text = bytes(s, 4) ?? UnsafeBufferPointer(start: nil, count: 0)
            let line = isNull(5) ? nil : Int(sqlite3_column_int64(s, 5))
            StoredRecord.writeJSON(
                ts: isNull(0) ? nil : sqlite3_column_double(s, 0), utcOffset: Int(sqlite3_column_int64(s, 1)), author: bytes(s, 2), kind: kind,
                text: text, line: line, offset: sqlite3_column_int64(s, 6), length: sqlite3_column_int64(s, 7),
                tail: tail(bytes(s, 8), &tails), into: &out)
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

    /// The UTF-8 bytes of a text column, nil when it is NULL; valid until the next step.
    private static func bytes(_ s: OpaquePointer, _ i: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard sqlite3_column_type(s, i) != SQLITE_NULL, let p = sqlite3_column_text(s, i) else { return nil }
        return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i)))
    }
}
