import BewaarModel
import GRDB

/// ``RecordStorage`` on SQLite, exactly as the store has always done it: ``SQLiteRecordWriter``
/// binds each record through SQLite's C API with one prepared statement and gives an item's
/// records consecutive row ids (``ItemRecordRange``); ``RecordReader`` and ``StoredRecord`` read
/// them straight from the column bytes. These need GRDB's `Database` under the
/// ``SQLiteStoreConnection`` (its statement cache and the raw `sqlite3` handle): taken once per
/// call here, and nowhere else on the records' path.
package struct SQLiteRecordStorage: RecordStorage {
    package init() {}

    package func writer(item itemID: Int64, caseNo: Int64, key: CaseKey?, in connection: any StoreConnection) throws -> any ItemRecordWriting {
        try SQLiteRecordWriter(db: Self.database(connection), itemID: itemID, caseNo: caseNo, key: key)
    }

    package func forEachMessage(
        item itemID: Int64, limit: Int?, sealer: Sealer, key: () throws -> CaseKey?, in connection: any StoreConnection,
        _ body: (Message) throws -> Void
    ) throws {
        let db = try Self.database(connection)
        var sql =
            "SELECT \(StoredRecord.columns) FROM messages m WHERE \(ItemRecordRange.all(item: "?1")) ORDER BY "
            + (try ItemRecordRange.isConsecutive(db, item: itemID) ? "m.id" : "m.seq")
        if let limit { sql += " LIMIT \(limit)" }
        for m in try MessageRow.fetchAll(db, cached: sql, arguments: [itemID], sealer: sealer) { try body(m) }
    }

    package func forEachRecordJSON(
        item itemID: Int64, sealer: Sealer, key: () throws -> CaseKey?, in connection: any StoreConnection,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let db = try Self.database(connection)
        let order = try ItemRecordRange.isConsecutive(db, item: itemID) ? "m.id" : "m.seq"
        let statement = try db.makeStatement(
            sql: "SELECT \(StoredRecord.storedColumns) FROM messages m WHERE \(ItemRecordRange.all(item: "?1")) ORDER BY \(order)")
        try statement.setArguments([itemID])
        try RecordReader.forEachJSON(statement, db: db, sealer: sealer, body)
    }

    package func condition(_ m: String, item: String) -> String { ItemRecordRange.all(m, item: item) }

    package func condition(_ m: String, item: String, low: String, high: String) -> String {
        ItemRecordRange.condition(m, item: item, low: low, high: high)
    }

    package func order(_ m: String, item itemID: Int64, in connection: any StoreConnection) throws -> String {
        try ItemRecordRange.isConsecutive(connection, item: itemID) ? "\(m).id" : "\(m).seq"
    }

    package var stagingTable: String {
        "CREATE TABLE IF NOT EXISTS main.\(RecordStaging.table) (batch INTEGER PRIMARY KEY, entries BLOB NOT NULL, bytes BLOB NOT NULL)"
    }

    /// A kind is kept as its code, or as its text: TEXT, or (a kind without a code, in an
    /// encrypted store) the same bytes as a BLOB, which `IN` does not find by the text. So three
    /// placeholders per kind.
    package func kindCondition(_ column: String, in kinds: [String], first: Int) -> (sql: String, arguments: [SQLValue]) {
        guard !kinds.isEmpty else { return ("1 = 0", []) }
        let placeholders = kinds.indices.map { k in (0..<3).map { "?\(first + 3 * k + $0)" }.joined(separator: ", ") }
        let arguments = kinds.flatMap { StoredKind.sqlValues($0) + [.bytes(Array($0.utf8))] }
        return ("\(column) IN (\(placeholders.joined(separator: ", ")))", arguments)
    }

    /// The GRDB connection under `connection`, which must be a SQLite store's.
    static func database(_ connection: any StoreConnection) throws -> Database {
        guard let sqlite = connection as? SQLiteStoreConnection else {
            throw StoreError(
                .writeFailed, nl: "De records van SQLite kregen een verbinding met een andere database. Dit is een fout in Bewaar.",
                en: "SQLite's records were given a connection to another database. This is a bug in Bewaar.")
        }
        return sqlite.db
    }
}
