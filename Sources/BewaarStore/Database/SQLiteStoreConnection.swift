import Foundation
import GRDB
import GRDBSQLite

/// ``StoreConnection`` over one GRDB `Database` inside a transaction (see ``SQLiteDatabase``).
/// SQLite understands the `?1 … ?n` and `?` placeholders itself.
package struct SQLiteStoreConnection: StoreConnection {
    /// The GRDB connection, for code that has not moved to ``StoreConnection`` yet.
    package let db: Database

    package init(_ db: Database) {
        self.db = db
    }

    @discardableResult
    package func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        // sqlite3_changes counts the rows of the last INSERT, UPDATE or DELETE only, as
        // PostgreSQL's command tag does (not those its triggers changed), but it keeps that count
        // through other statements: the total tells whether this statement changed anything.
        let before = db.totalChangesCount
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
        return db.totalChangesCount == before ? 0 : db.changesCount
    }

    package func fetch(_ sql: String, _ arguments: [SQLValue]) throws -> [any SQLRow] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments)).map(SQLiteRow.init)
    }

    package func fetchOne(_ sql: String, _ arguments: [SQLValue]) throws -> (any SQLRow)? {
        try Row.fetchOne(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments)).map(SQLiteRow.init)
    }

    package func forEach(_ sql: String, _ arguments: [SQLValue], _ body: (any SQLRow) throws -> Void) throws {
        // Stepped here, each row read straight from SQLite's columns (``SQLiteStatementRow``).
        let statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(Self.arguments(arguments))
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        let row = SQLiteStatementRow(statement)
        while true {
            let rc = sqlite3_step(s)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            try body(row)
        }
    }

    package func savepoint<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body()
            return .commit
        }
        guard let result else { throw StoreError(.writeFailed, nl: "Het tussenpunt gaf geen resultaat.", en: "The savepoint gave no result.") }
        return result
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map(\.databaseValue))
    }
}

/// A GRDB row seen as an ``SQLRow``.
struct SQLiteRow: SQLRow {
    let row: Row

    init(_ row: Row) { self.row = row }

    var count: Int { row.count }
    var columnNames: [String] { Array(row.columnNames) }
    subscript(_ index: Int) -> SQLValue { SQLValue(row[index] as DatabaseValue) }
    subscript(_ name: String) -> SQLValue? {
        // GRDB's own lookup by name ignores ASCII case, as SQLRow asks.
        row.hasColumn(name) ? SQLValue(row[name] as DatabaseValue) : nil
    }
}

extension SQLValue {
    /// The value as GRDB binds it.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .int(let value): return value.databaseValue
        case .double(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        case .bytes(let value): return Data(value).databaseValue
        }
    }

    /// The value GRDB read.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .bytes([UInt8](data))
        }
    }
}

extension FetchableRecord where Self: SQLRecord {
    /// A store record read from a GRDB row, for code that still fetches through GRDB (plan step
    /// 2b moves it onto ``StoreConnection``).
    package init(row: Row) throws {
        try self.init(row: SQLiteRow(row) as any SQLRow)
    }
}
