import BewaarStore
import Logging
import NIOCore
import PostgresNIO

/// ``StoreConnection`` over one postgres-nio connection, inside a transaction that
/// ``PostgresStoreDatabase`` began. Every call sends its statement through postgres-nio's
/// EventLoopFuture API and `wait()`s for the answer on the calling thread (never an event loop:
/// see ``StoreDatabase``). Placeholders are rewritten by ``SQLPlaceholders``.
final class PostgresStoreConnection: StoreConnection {
    let connection: PostgresConnection
    let url: PostgresURL
    let logger: Logger
    /// How many rows a streamed ``forEach(_:_:_:)`` fetches from its cursor at a time.
    let batch: Int
    /// The first conflict (40001, 40P01) or unique key taken by another transaction (23505)
    /// PostgreSQL reported in this transaction: when the body then throws, whatever it throws, a
    /// retryable transaction runs again.
    private(set) var conflict: PostgresStoreError?
    /// Set when the connection itself failed (not a statement): it is not given back to the pool.
    private(set) var broken = false
    private var savepoints = 0
    private var cursors = 0
    /// Statements sent and not yet waited for (``send(_:_:)``): the next statement is sent behind
    /// them and waits for them too, so they cost no round trip of their own.
    private var pending: [(sql: String, answer: EventLoopFuture<PostgresQueryResult>)] = []

    init(_ connection: PostgresConnection, url: PostgresURL, logger: Logger, batch: Int = 1000) {
        self.connection = connection
        self.url = url
        self.logger = logger
        self.batch = batch
    }

    /// Sends one statement and waits for all of its rows.
    @discardableResult
    func run(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
        try run(postgres: try Self.rewritten(sql), binds: PostgresBindings(arguments))
    }

    /// `sql` with PostgreSQL's placeholders (``SQLPlaceholders``).
    private static func rewritten(_ sql: String) throws -> String {
        do {
            return try SQLPlaceholders.rewrite(sql).sql
        } catch {
            throw PostgresStoreError(
                .statementFailed, nl: "Een opdracht aan de database heeft een ongeldige parameter (\(error)). Dit is een fout in Bewaar.",
                en: "A statement for the database has an invalid parameter (\(error)). This is a bug in Bewaar.")
        }
    }

    /// Runs one statement written with PostgreSQL's own `$1…$n` and bound as given (the record
    /// writer's arrays, which `SQLValue` has no case for); errors as ``run(_:_:)``. Statements
    /// ``send(_:_:)`` left pending are waited for first, and the first of them to fail is the error.
    @discardableResult
    func run(postgres sql: String, binds: PostgresBindings) throws -> PostgresQueryResult {
        let answer = connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        let before = pending
        pending = []
        var failure: (any Error)?
        for earlier in before {
            do { _ = try earlier.answer.wait() } catch { failure = failure ?? error }
        }
        do {
            let result = try answer.wait()
            if let failure { throw failure }
            return result
        } catch {
            throw mapped(failure ?? error)
        }
    }

    /// Sends a statement without waiting for its answer (the start of a transaction: `BEGIN`, its
    /// settings): PostgreSQL runs the connection's statements in order, so the next statement, sent
    /// behind it, finds it done, and one round trip is saved. Its failure is that statement's error.
    func send(_ sql: String, _ arguments: [SQLValue]) throws {
        let query = PostgresQuery(unsafeSQL: try Self.rewritten(sql), binds: PostgresBindings(arguments))
        pending.append((sql, connection.query(query, logger: logger)))
    }

    private func mapped(_ error: any Error) -> PostgresStoreError {
        let mapped = PostgresStoreError.from(error, url: url)
        if mapped.isConflict || mapped.isDuplicateKey, conflict == nil { conflict = mapped }
        if mapped.sqlState == nil || connection.isClosed { broken = true }
        return mapped
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        let result = try run(sql, arguments)
        switch result.metadata.command {
        case "INSERT", "UPDATE", "DELETE", "MERGE": return result.metadata.rows ?? 0
        default: return 0
        }
    }

    func fetch(_ sql: String, _ arguments: [SQLValue]) throws -> [any SQLRow] {
        try rows(of: run(sql, arguments))
    }

    func fetchOne(_ sql: String, _ arguments: [SQLValue]) throws -> (any SQLRow)? {
        let result = try run(sql, arguments)
        guard let first = result.rows.first else { return nil }
        return try PostgresStoreRow(first, columns: PostgresColumnNames(first))
    }

    /// Streams through a cursor of the transaction (`DECLARE … NO SCROLL CURSOR`), fetching
    /// ``batch`` rows at a time, so at most one batch is in memory and `body` runs on this thread.
    func forEach(_ sql: String, _ arguments: [SQLValue], _ body: (any SQLRow) throws -> Void) throws {
        cursors += 1
        let cursor = "bewaar_cursor_\(cursors)"
        // DECLARE goes ahead of the first FETCH, CLOSE ahead of the next statement (or the end
        // of the transaction): neither costs a round trip of its own.
        try send("DECLARE \(cursor) NO SCROLL CURSOR FOR \(sql)", arguments)
        defer { try? send("CLOSE \(cursor)", []) }
        var columns: PostgresColumnNames?
        while true {
            let result = try run("FETCH FORWARD \(batch) FROM \(cursor)", [])
            for row in result.rows {
                let names = columns ?? PostgresColumnNames(row)
                columns = names
                try body(PostgresStoreRow(row, columns: names))
            }
            if result.rows.count < batch { return }
        }
    }

    func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepoints += 1
        let name = "bewaar_savepoint_\(savepoints)"
        defer { savepoints -= 1 }
        try run("SAVEPOINT \(name)", [])
        let result: T
        do {
            result = try body()
        } catch {
            // Undo the body's work and leave the transaction usable; the body's error is what counts.
            _ = try? run("ROLLBACK TO SAVEPOINT \(name)", [])
            _ = try? run("RELEASE SAVEPOINT \(name)", [])
            throw error
        }
        try run("RELEASE SAVEPOINT \(name)", [])
        return result
    }

    private func rows(of result: PostgresQueryResult) throws -> [any SQLRow] {
        guard let first = result.rows.first else { return [] }
        let columns = PostgresColumnNames(first)
        return try result.rows.map { try PostgresStoreRow($0, columns: columns) }
    }
}
