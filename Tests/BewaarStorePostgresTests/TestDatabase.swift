import BewaarPostgresTestSupport
import BewaarStore
import BewaarTestSupport
import Foundation
import GRDB

@testable import BewaarStorePostgres

/// A fresh, empty database for one test: a SQLite file in a temporary folder, opened as
/// `CaseStore` opens its own (a WAL pool), or a new database on the test run's PostgreSQL server,
/// dropped again when the value goes away.
final class TestDatabase: @unchecked Sendable {
    enum Kind: String, Sendable { case sqlite, postgres }

    let kind: Kind
    let database: any StoreDatabase
    private let cleanup: @Sendable () -> Void

    private init(kind: Kind, database: any StoreDatabase, cleanup: @escaping @Sendable () -> Void) {
        self.kind = kind
        self.database = database
        self.cleanup = cleanup
    }

    deinit { cleanup() }

    /// ` FOR UPDATE` on PostgreSQL; nothing on SQLite, whose writers take turns anyway (and which
    /// has no such clause).
    var forUpdate: String { kind == .postgres ? " FOR UPDATE" : "" }

    /// The PostgreSQL database, for the tests of what only it has.
    var postgres: PostgresStoreDatabase? { database as? PostgresStoreDatabase }

    static func make(_ kind: Kind, connections: Int = 8) throws -> TestDatabase {
        kind == .sqlite ? try sqlite() : try postgres(connections: connections)
    }

    static func sqlite() throws -> TestDatabase {
        let folder = TempDir()
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.foreignKeysEnabled = true
        let pool = try DatabasePool(path: folder.file("test.sqlite"), configuration: configuration)
        let box = Keep(folder)
        return TestDatabase(kind: .sqlite, database: SQLiteDatabase(pool), cleanup: { _ = box })
    }

    /// The server's own database, where each test's database is made and dropped.
    static let admin = Result { try PostgresStoreDatabase(url: PostgresServer.url(), connections: 2) }

    static func postgres(connections: Int = 8) throws -> TestDatabase {
        let admin = try Self.admin.get()
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try admin.withoutTransaction { try $0.execute("CREATE DATABASE \(name)") }
        var url = admin.url
        url.database = name
        let database = try PostgresStoreDatabase(url: url, connections: connections)
        return TestDatabase(
            kind: .postgres, database: database,
            cleanup: {
                database.close()
                _ = try? admin.withoutTransaction { try $0.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            })
    }

    /// The school that the rows of a test's store belong to (``schoolStore()``).
    static let school = 1

    /// The PostgreSQL database with the whole schema (``PostgresSchema/migrator()``) and the
    /// school ``school`` in it, as a pool whose transactions act for that school
    /// (`bewaar.school`): what a board's server has for one of its schools.
    func schoolStore() throws -> PostgresStoreDatabase {
        guard let db = postgres else { throw SchoolStoreMissing() }
        try PostgresSchema.migrator().migrate(db)
        try db.write(retryable: false) { c in
            try c.execute(
                "INSERT INTO schools (id, name, created) VALUES (?1, 'Het Testlyceum', '2026-12-05T09:00:00.000Z') ON CONFLICT DO NOTHING",
                [.int(Int64(Self.school))])
        }
        return db.with(settings: ["bewaar.school": String(Self.school)])
    }

    struct SchoolStoreMissing: Error, CustomStringConvertible {
        var description: String { "a school's store is a PostgreSQL database; this test database is SQLite's" }
    }

    /// Made on a thread of its own (making a PostgreSQL database blocks).
    static func made(_ kind: Kind, connections: Int = 8) async throws -> TestDatabase {
        try await offThread { try make(kind, connections: connections) }
    }

    /// A read transaction on a thread of its own. The body hands back what it found, and the
    /// test checks it in its own task (an `#expect` in the body would not count for the test).
    @discardableResult
    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) throws -> T) async throws -> T {
        let database = database
        return try await offThread { try database.read(body) }
    }

    /// A writing transaction on a thread of its own; as ``read(_:)``.
    @discardableResult
    func write<T: Sendable>(retryable: Bool = false, _ body: @escaping @Sendable (any StoreConnection) throws -> T) async throws -> T {
        let database = database
        return try await offThread { try database.write(retryable: retryable, body) }
    }

    /// Holds a value until the closure holding the box goes away.
    final class Keep: @unchecked Sendable {
        let value: Any
        init(_ value: Any) { self.value = value }
    }
}

/// Runs `body(i)` for `i` in `0..<count` at once, each on a thread of its own, and waits for all.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
    let group = DispatchGroup()
    let errors = ErrorList()
    for i in 0..<count {
        group.enter()
        Thread {
            do { try body(i) } catch { errors.append(error) }
            group.leave()
        }.start()
    }
    group.wait()
    if let first = errors.first { throw first }
}

final class ErrorList: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []
    func append(_ error: any Error) { lock.withLock { errors.append(error) } }
    var first: (any Error)? { lock.withLock { errors.first } }
}
