import Synchronization

/// One request's reads in one transaction: while a scope is ``current`` (a task-local value, set
/// by the web for the length of a page request), a database that supports it runs each `read`
/// in the scope's open read transaction instead of one of its own, so a page that asks the store
/// twenty things costs one transaction, not twenty (PostgreSQL: a `BEGIN` and a `ROLLBACK` each,
/// on the network). The transaction opens at the first read and ends at a write (which must see,
/// and be seen by, what comes after it: the next read opens a new one), at an error in a read,
/// and at ``end()``. SQLite's reads are cheap and ignore scopes.
///
/// A scope is used by one request at a time; a read that finds it busy (a child task reading at
/// the same moment, or a read inside a read) runs in a transaction of its own.
package final class ReadScope: Sendable {
    /// The scope of the running task, if any.
    @TaskLocal package static var current: ReadScope?

    /// An open read transaction: the connection it runs on, and how to end it.
    package struct Open: @unchecked Sendable {
        package var connection: any StoreConnection
        package var end: () -> Void

        package init(connection: any StoreConnection, end: @escaping () -> Void) {
            self.connection = connection
            self.end = end
        }
    }

    private struct State: @unchecked Sendable {
        /// What the open transaction is for (a database and its settings: a school), and it.
        var open: (key: String, transaction: Open)?
    }
    private let state = Mutex(State())
    /// Set by an ``end()`` that found the scope in use (a write inside a read's body, or on
    /// another thread): the transaction ends as soon as that read is done.
    private let stale = Atomic<Bool>(false)

    package init() {}

    /// Runs `body` in the scope's transaction for `key`, opening one with `open` when there is
    /// none for it (one for another key ends first). Nil, having run nothing, when the scope is
    /// busy. An error from `body` ends the transaction (it may be aborted) and is thrown.
    package func read<T>(key: String, open: () throws -> Open, _ body: (any StoreConnection) throws -> T) throws -> T? {
        try state.withLockIfAvailable { s -> T in
            if let current = s.open, current.key != key || stale.exchange(false, ordering: .acquiringAndReleasing) {
                current.transaction.end()
                s.open = nil
            }
            if s.open == nil { s.open = (key, try open()) }
            guard let transaction = s.open?.transaction else { preconditionFailure("opened above") }
            do {
                let value = try body(transaction.connection)
                if stale.exchange(false, ordering: .acquiringAndReleasing) {
                    transaction.end()
                    s.open = nil
                }
                return value
            } catch {
                transaction.end()
                s.open = nil
                throw error
            }
        }
    }

    /// Ends the open transaction, if any: before a write, and when the request is done.
    package func end() {
        let ending = state.withLockIfAvailable { s -> Open? in
            defer { s.open = nil }
            return s.open?.transaction
        }
        guard let ending else {
            stale.store(true, ordering: .releasing)
            return
        }
        ending?.end()
    }
}
