import BewaarStore
import Foundation
import Logging
import PostgresNIO

/// ``StoreDatabase`` on PostgreSQL through postgres-nio: a small pool of connections, one per
/// transaction at a time.
///
/// - `read` runs `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY` (one snapshot, as SQLite's
///   reads) and rolls back at the end.
/// - `write` runs `BEGIN ISOLATION LEVEL READ COMMITTED` and commits. When PostgreSQL aborts it
///   with SQLSTATE 40001 or 40P01, or a statement finds a unique key another transaction took
///   first (23505), and the caller said `retryable`, the body runs again in a new transaction, up
///   to ``maximumAttempts`` times, after a short random pause.
/// - ``settings`` are set at the start of every transaction with `set_config(name, value, true)`,
///   which lasts until the transaction ends: the hook for a school's row-level security
///   (`bewaar.school`). ``with(settings:)`` gives the same pool with other settings.
///
/// Every call blocks the calling thread (postgres-nio's EventLoopFuture API, `wait()`ed on); it
/// must not run on an event loop, nor in a task that other tasks wait on without a thread of their
/// own (see `notes/issue-17-store-design.md` §2.3).
package final class PostgresStoreDatabase: StoreDatabase {
    /// The server and database (``PostgresURL/description`` has no password).
    package let url: PostgresURL
    /// Run-time settings applied at the start of every transaction (`set_config(k, v, true)`).
    package let settings: [String: String]
    /// How often a retryable write runs at most.
    package let maximumAttempts = 5
    let pool: PostgresConnectionPool
    let logger: Logger

    /// Opens up to `connections` connections to `url` when needed; checks now that the server
    /// answers and takes the user, password and database, so a wrong address fails here with a
    /// message that says what to check.
    package convenience init(url: PostgresURL, connections: Int = 8, settings: [String: String] = [:]) throws {
        let logger = Logger(label: "bewaar.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        self.init(pool: try PostgresConnectionPool(url: url, maximum: connections, logger: logger), settings: settings, logger: logger)
        let connection = try pool.take()
        pool.giveBack(connection, reusable: true)
    }

    /// ``init(url:connections:settings:)`` for the address as text (`postgres://…`).
    package convenience init(_ address: String, connections: Int = 8, settings: [String: String] = [:]) throws {
        try self.init(url: PostgresURL(address), connections: connections, settings: settings)
    }

    private init(pool: PostgresConnectionPool, settings: [String: String], logger: Logger) {
        self.url = pool.url
        self.pool = pool
        self.settings = settings
        self.logger = logger
    }

    /// The same database and pool, with other ``settings`` (a school's store beside the board's).
    package func with(settings: [String: String]) -> PostgresStoreDatabase {
        PostgresStoreDatabase(pool: pool, settings: settings, logger: logger)
    }

    /// Closes the pool's connections; every later call fails. The pool also closes when the last
    /// database that shares it goes away.
    package func close() { pool.close() }

    static let beginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

    /// Within a request's ``ReadScope`` the read runs in the scope's transaction (one per request
    /// and school, see there); otherwise in one of its own.
    @discardableResult
    package func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        if let scope = ReadScope.current, let value = try scope.read(key: scopeKey, open: openScoped, body) { return value }
        return try transaction(begin: Self.beginRead, commit: false, body).get()
    }

    /// What a ``ReadScope`` knows this database's transactions by: its pool and settings.
    private var scopeKey: String {
        "\(ObjectIdentifier(pool).hashValue) " + settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    /// A read transaction for a ``ReadScope``, kept open until the scope ends it.
    private func openScoped() throws -> ReadScope.Open {
        let raw = try pool.take()
        let connection = PostgresStoreConnection(raw, url: url, logger: logger)
        do {
            try connection.send(Self.beginRead, [])
            try applySettings(connection)
        } catch {
            pool.giveBack(raw, reusable: false)
            throw error
        }
        let pool = pool
        return ReadScope.Open(connection: connection) {
            if !connection.broken { _ = try? connection.run("ROLLBACK", []) }
            pool.giveBack(raw, reusable: !connection.broken)
        }
    }

    @discardableResult
    package func write<T>(retryable: Bool, _ body: (any StoreConnection) throws -> T) throws -> T {
        // What this request reads after the write must see it: its read transaction ends here.
        ReadScope.current?.end()
        var attempt = 1
        while true {
            let outcome = try transaction(begin: "BEGIN ISOLATION LEVEL READ COMMITTED", commit: true, body)
            if case .failure = outcome.result, outcome.conflicted, retryable, attempt < maximumAttempts {
                attempt += 1
                // Apart again: a random pause of up to 10 ms per attempt so far.
                Thread.sleep(forTimeInterval: Double.random(in: 0.001...0.010) * Double(attempt))
                continue
            }
            return try outcome.get()
        }
    }

    /// Runs `body` on a connection of the pool outside any transaction: each statement commits
    /// on its own (autocommit), and `body` may send `BEGIN` and `COMMIT` itself. For what cannot
    /// run in a transaction (`CREATE DATABASE`, `CREATE INDEX CONCURRENTLY`) and for a session's
    /// advisory lock held across transactions (the migrator). ``settings`` are not applied.
    @discardableResult
    package func withoutTransaction<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        ReadScope.current?.end()
        let raw = try pool.take()
        let connection = PostgresStoreConnection(raw, url: url, logger: logger)
        do {
            let result = try body(connection)
            // A transaction the body left open must not reach the next user of the connection.
            // (now() is when the transaction began: later than this statement's start only inside one.)
            let leftOpen = try connection.fetchOne("SELECT (now() <> statement_timestamp())::int", [])?[0] != .int(0)
            pool.giveBack(raw, reusable: !connection.broken && !leftOpen)
            return result
        } catch {
            pool.giveBack(raw, reusable: false)
            throw error
        }
    }

    /// What one attempt of a transaction gave, and whether PostgreSQL reported a conflict in it.
    struct Outcome<T> {
        var result: Result<T, any Error>
        var conflicted: Bool
        func get() throws -> T { try result.get() }
    }

    /// One transaction: begin, settings, body, then commit (or roll back when `commit` is false or
    /// the body threw). Throws only when no connection can be had; the rest is in the outcome.
    func transaction<T>(begin: String, commit: Bool, _ body: (any StoreConnection) throws -> T) throws -> Outcome<T> {
        let raw = try pool.take()
        let connection = PostgresStoreConnection(raw, url: url, logger: logger)
        var result: Result<T, any Error>
        do {
            // BEGIN and the settings go ahead of the body's first statement, not a round trip each.
            try connection.send(begin, [])
            try applySettings(connection)
            // Statements still pending are waited for by COMMIT or ROLLBACK, sent behind them.
            let value = try body(connection)
            if commit {
                let tag = try connection.run("COMMIT", []).metadata.command
                // COMMIT of a transaction in which a statement failed rolls back instead.
                guard tag == "COMMIT" else { throw Self.rolledBack(connection.conflict) }
            } else {
                try connection.run("ROLLBACK", [])
            }
            result = .success(value)
        } catch {
            result = .failure(error)
            if !connection.broken { _ = try? connection.run("ROLLBACK", []) }
        }
        pool.giveBack(raw, reusable: !connection.broken)
        return Outcome(result: result, conflicted: connection.conflict != nil)
    }

    private func applySettings(_ connection: PostgresStoreConnection) throws {
        guard !settings.isEmpty else { return }
        let sorted = settings.sorted { $0.key < $1.key }
        let calls = sorted.indices.map { "set_config(?\(2 * $0 + 1), ?\(2 * $0 + 2), true)" }.joined(separator: ", ")
        try connection.send("SELECT " + calls, sorted.flatMap { [SQLValue.text($0.key), .text($0.value)] })
    }

    static func rolledBack(_ conflict: PostgresStoreError?) -> PostgresStoreError {
        conflict
            ?? PostgresStoreError(
                .statementFailed,
                nl:
                    "PostgreSQL heeft de wijzigingen teruggedraaid omdat een opdracht erin mislukte. Er is niets opgeslagen; dit is een fout in Bewaar.",
                en: "PostgreSQL rolled the changes back because a statement in them failed. Nothing was stored; this is a bug in Bewaar.")
    }
}
