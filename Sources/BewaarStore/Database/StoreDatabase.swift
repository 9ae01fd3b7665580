/// A store's database: where transactions begin. One implementation per database
/// (``SQLiteDatabase``; `PostgresStoreDatabase` in the BewaarStorePostgres module), so that the
/// store's SQL, written once (see ``StoreConnection`` for its placeholders), runs on either.
///
/// Both calls are synchronous and block the calling thread until the transaction is over. On
/// PostgreSQL that is a network round trip per statement: call them from a thread that may block
/// (a thread pool), never from an event loop, and never reenter (a body must not call `read` or
/// `write` of the same database: SQLite refuses, and on PostgreSQL it could wait for itself).
package protocol StoreDatabase: Sendable {
    /// Runs `body` in a transaction that only reads and sees one snapshot of the store: what was
    /// committed when it began, and nothing committed while it runs. It is rolled back at the end.
    @discardableResult
    func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T

    /// Runs `body` in a writing transaction and commits it; when `body` throws, nothing of it is
    /// kept and the error is rethrown.
    ///
    /// SQLite: an IMMEDIATE transaction, so writers take turns and each one reads what the one
    /// before it committed. PostgreSQL: READ COMMITTED, so a statement sees what other
    /// transactions committed before it started; shared rows (a chain's head) are locked with
    /// `SELECT … FOR UPDATE`. When PostgreSQL aborts the transaction to resolve a conflict
    /// (SQLSTATE 40001 serialization failure, 40P01 deadlock), or a unique key the body inserts
    /// was taken by a transaction that committed meanwhile (23505: a body that checks first then
    /// sees it), and `retryable` is true, the whole body runs again in a new transaction (a few
    /// times). Pass `retryable` only for a body
    /// without effects outside the database (no files written, no input consumed, no state kept
    /// from its first run), or that tolerates them being repeated.
    @discardableResult
    func write<T>(retryable: Bool, _ body: (any StoreConnection) throws -> T) throws -> T
}
