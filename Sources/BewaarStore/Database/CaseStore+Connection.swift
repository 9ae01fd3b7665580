import BewaarModel
import GRDB

// The store's transactions behind the seam (plan step 2b): code moved onto ``StoreConnection``
// runs through `reading` and `writing`; code still on GRDB uses `read` and `write`, the same
// transactions. When every file has moved, `read` and `write` go and these take their names.

extension CaseStore {
    /// A reading transaction on one snapshot (see ``StoreDatabase/read(_:)``).
    package func reading<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try database.read(body)
    }

    /// A writing transaction (see ``StoreDatabase/write(retryable:_:)``); SQLite's is IMMEDIATE,
    /// as ``write(_:)``'s.
    package func writing<T>(retryable: Bool = false, _ body: (any StoreConnection) throws -> T) throws -> T {
        try database.write(retryable: retryable, body)
    }

    /// Appends an event to `chain` inside the caller's transaction, the head held as the store's
    /// database holds it (``StoreDialect/chains``), and returns it.
    @discardableResult
    package func appendEvent(
        _ connection: any StoreConnection, chain: String, actor: String, action: CustodyAction, details: [String: String]
    ) throws -> CustodyEvent {
        try appendEvent(connection, heads: dialect.chains, chain: chain, actor: actor, action: action, details: details)
    }
}
