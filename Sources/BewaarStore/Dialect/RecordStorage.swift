import Foundation
import BewaarJSON
import BewaarModel

/// How an item's records (``Message``s, the `messages` table) are written and read inside a
/// transaction: the store's hot path, so each database has its own (`notes/issue-17-store-design.md`
/// §2.4, step 3). ``SQLiteRecordStorage`` binds through SQLite's C API with prepared statements,
/// gives an item's records consecutive row ids and fills FTS5; `PostgresRecordRanges` (module
/// BewaarStorePostgres) inserts `unnest` batches addressed by `(item_id, seq)`.
///
/// The store's own code (``CaseStore/recordIngest(_:in:reading:)``, ``CaseStore/rereadItem(_:item:actor:details:reading:)``,
/// ``RecordWriter``, ``RecordStaging``) is written once on top of this.
package protocol RecordStorage: Sendable {
    /// Begins writing the records of item `itemID` (of the case numbered `caseNo`, whose key is
    /// `key` in an encrypted store) inside `connection`'s writing transaction, in a savepoint of
    /// its own (``ItemRecordWriting/discard()`` goes back to it).
    func writer(item itemID: Int64, caseNo: Int64, key: CaseKey?, in connection: any StoreConnection) throws -> any ItemRecordWriting

    /// Calls `body` with each record of item `itemID` in its order (at most `limit`), opened:
    /// with `sealer` on SQLite (the store's keyring, as always), with `key` (gives the item's
    /// case's key, asked only where it is used) on PostgreSQL. A record whose stored JSON cannot
    /// be read is left out.
    func forEachMessage(
        item itemID: Int64, limit: Int?, sealer: Sealer, key: () throws -> CaseKey?, in connection: any StoreConnection,
        _ body: (Message) throws -> Void
    ) throws

    /// Calls `body` with each record of item `itemID` as its compact JSON (`Message.json`
    /// serialised), in order; the buffer is only valid during the call. Opened as
    /// ``forEachMessage(item:limit:sealer:key:in:_:)``.
    func forEachRecordJSON(
        item itemID: Int64, sealer: Sealer, key: () throws -> CaseKey?, in connection: any StoreConnection,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws

    /// The SQL condition on the records (alias `m`) of the item bound as `item` (an SQL
    /// expression, e.g. `?1`): SQLite finds them by row id from `items.first_record`
    /// (``ItemRecordRange``), PostgreSQL by `(item_id, seq)`.
    func condition(_ m: String, item: String) -> String

    /// ``condition(_:item:)`` for the records whose places are from `low` to `high` (SQL
    /// expressions).
    func condition(_ m: String, item: String, low: String, high: String) -> String

    /// The `ORDER BY` term that gives item `itemID`'s records (alias `m`) in their order: SQLite
    /// orders by row id where the item's records are consecutive rows (cheaper), else by `seq`;
    /// PostgreSQL by `seq`.
    func order(_ m: String, item itemID: Int64, in connection: any StoreConnection) throws -> String

    /// The statement that makes the table ``RecordStaging`` keeps batches in for one ingest
    /// (`bewaar_staged (batch, entries, bytes)`), if it is not there.
    var stagingTable: String { get }

    /// A condition that `column` (a record's `kind`) is one of `kinds`, its placeholders
    /// numbered from `?first`, with their arguments: SQLite's `kind` holds a code or a text
    /// (``StoredKind``), so it binds both; PostgreSQL's holds the text alone.
    func kindCondition(_ column: String, in kinds: [String], first: Int) -> (sql: String, arguments: [SQLValue])
}

extension RecordStorage {
    /// ``kindCondition(_:in:first:)`` with plain `?` placeholders, for a filter whose place among
    /// a statement's parameters is not known yet (each plain `?` takes the next number).
    func kindFilter(_ column: String, in kinds: [String]) -> (sql: String, arguments: [SQLValue]) {
        let numbered = kindCondition(column, in: kinds, first: 1)
        return (numbered.sql.replacingOccurrences(of: #"\?[0-9]+"#, with: "?", options: .regularExpression), numbered.arguments)
    }
}

/// The records of one item being written (see ``RecordStorage/writer(item:caseNo:key:in:)``),
/// behind the public ``RecordWriter``.
package protocol ItemRecordWriting: AnyObject {
    /// Records taken so far (written, or held for the next batch).
    var taken: Int { get }
    /// The furthest byte of the original that a record not inside a part reached.
    var bytesCovered: Int64 { get }
    /// What an encrypted store's reading thread seals with (nil: hand the records over unsealed).
    var sealing: RecordSealing? { get }

    /// Adds the next record.
    func add(_ m: Message) throws
    /// Adds the next records, in order.
    func add(_ rows: RecordRows) throws
    /// Adds records at the places `seqs` gives (one each; over the whole writing they must be
    /// `0..<count`, each once, which ``finish()`` checks).
    func add(_ rows: RecordRows, at seqs: [Int]) throws
    /// ``add(_:at:)`` for flat records, encoded on the writing thread.
    func add(_ records: [FlatRecord], at seqs: [Int]) throws
    /// Drops every record written so far (back to the writer's savepoint).
    func discard() throws
    /// Writes what is left, checks the places and ends the savepoint; the caller then sets the
    /// item's `message_count` to ``taken``.
    func end() throws

    /// A staged batch's bytes as kept meanwhile (sealed whole in an encrypted store).
    func staged(_ bytes: [UInt8]) -> [UInt8]
    /// The bytes of a staged batch; nil when they do not open with the case's key.
    func unstaged(_ stored: [UInt8]) -> [UInt8]?
}
