import GRDB

/// ``StoreDatabase`` over GRDB: the SQLite store's database (a `DatabasePool` in WAL mode, as
/// ``CaseStore`` opens it, or a `DatabaseQueue`).
///
/// A thin wrapper: `read` is GRDB's snapshot read, `write` GRDB's IMMEDIATE transaction (so
/// writers take turns; `retryable` changes nothing, as SQLite never aborts a transaction to
/// resolve a conflict: a second writer waits for the busy timeout). Statements go through the
/// connection's statement cache, so each call runs exactly one statement.
package struct SQLiteDatabase: StoreDatabase {
    /// The GRDB pool or queue underneath.
    package let writer: any DatabaseWriter

    /// Wraps an open GRDB pool or queue.
    package init(_ writer: any DatabaseWriter) {
        self.writer = writer
    }

    @discardableResult
    package func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try writer.read { db in try body(SQLiteStoreConnection(db)) }
    }

    @discardableResult
    package func write<T>(retryable: Bool, _ body: (any StoreConnection) throws -> T) throws -> T {
        try writer.write { db in try body(SQLiteStoreConnection(db)) }
    }
}
