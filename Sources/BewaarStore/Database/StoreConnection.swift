/// One open transaction on a store's database, handed to the body of
/// ``StoreDatabase/read(_:)`` or ``StoreDatabase/write(retryable:_:)``. It is only valid inside
/// that body and on the thread that runs it: never keep it, and never send it elsewhere.
///
/// **Placeholders.** SQL is written for both databases with SQLite's numbered placeholders
/// `?1 … ?n` (a number may appear more than once), or with plain `?`, which takes the number
/// after the highest one used before it (SQLite's rule: `?` is `?1` at the start). Argument `i`
/// of `arguments` binds `?(i+1)`. The PostgreSQL executor rewrites them to `$1 … $n` outside
/// string literals, quoted identifiers, dollar-quoted strings and comments, so a `?` there is
/// left alone. Outside them, `?` always means a parameter: PostgreSQL's `jsonb ? key` operators
/// cannot be written (use `jsonb_exists`). Named parameters (`:name`, `@name`) are not supported.
///
/// **One statement per call** (PostgreSQL's extended protocol allows only one).
///
/// **Errors abort the transaction on PostgreSQL.** After a failed statement PostgreSQL refuses
/// every further statement until the transaction (or a savepoint) is rolled back; SQLite goes on.
/// Code that wants to catch a failing statement and carry on must wrap it in ``savepoint(_:)``.
package protocol StoreConnection {
    /// Runs one statement that returns no rows (or whose rows are not wanted) and returns the
    /// number of rows it inserted, updated or deleted (0 for other statements).
    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int

    /// Runs one query and returns all its rows.
    func fetch(_ sql: String, _ arguments: [SQLValue]) throws -> [any SQLRow]

    /// Runs one query and returns its first row, or nil when it has none.
    func fetchOne(_ sql: String, _ arguments: [SQLValue]) throws -> (any SQLRow)?

    /// Runs one query and calls `body` with each row as it arrives, without holding all rows in
    /// memory: for reading a whole case's records. The row is only valid during the call. If
    /// `body` throws, the query stops and the error is rethrown.
    func forEach(_ sql: String, _ arguments: [SQLValue], _ body: (any SQLRow) throws -> Void) throws

    /// Runs `body` inside a savepoint of the current transaction: when `body` throws, what it
    /// changed is undone, the transaction goes on with what came before, and the error is
    /// rethrown. Savepoints nest.
    func savepoint<T>(_ body: () throws -> T) throws -> T
}

extension StoreConnection {
    /// ``execute(_:_:)`` without arguments.
    @discardableResult
    package func execute(_ sql: String) throws -> Int { try execute(sql, []) }

    /// ``fetch(_:_:)`` without arguments.
    package func fetch(_ sql: String) throws -> [any SQLRow] { try fetch(sql, []) }

    /// ``fetchOne(_:_:)`` without arguments.
    package func fetchOne(_ sql: String) throws -> (any SQLRow)? { try fetchOne(sql, []) }
}
