import GRDB
import GRDBSQLite

/// The current row of a stepping SQLite statement, read straight from SQLite's columns: what
/// ``SQLiteStoreConnection/forEach(_:_:_:)`` hands its body. No GRDB `Row` or `DatabaseValue`
/// is made on the way (they cost as much as the rest of a timeline page), and bytes are copied
/// once. Valid only until the statement steps again.
struct SQLiteStatementRow: SQLRow {
    let statement: Statement
    let s: SQLiteStatement

    init(_ statement: Statement) {
        self.statement = statement
        s = statement.sqliteStatement
    }

    var count: Int { Int(sqlite3_column_count(s)) }
    var columnNames: [String] { statement.columnNames }

    subscript(_ index: Int) -> SQLValue {
        let i = Int32(index)
        switch sqlite3_column_type(s, i) {
        case SQLITE_INTEGER: return .int(sqlite3_column_int64(s, i))
        case SQLITE_FLOAT: return .double(sqlite3_column_double(s, i))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(s, i) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(s, i))), as: UTF8.self))
        case SQLITE_BLOB:
            guard let blob = sqlite3_column_blob(s, i) else { return .bytes([]) }
            return .bytes(Array(UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(s, i)))))
        default: return .null
        }
    }

    subscript(_ name: String) -> SQLValue? {
        // Without regard to ASCII case, as SQL names are matched.
        guard let index = statement.columnNames.firstIndex(where: { NoCase.equal($0, name) }) else { return nil }
        return self[index]
    }
}
