import BewaarStore
import BewaarStorePostgres
import Foundation

/// A fresh database on the test run's PostgreSQL server (``PostgresServer``) for one test, with
/// the store's whole schema, dropped again when the value goes away. Its ``url`` is the
/// application's role with least privileges, as a board's servers connect (rows only, no
/// superuser: row-level security holds for it).
///
/// The schema is migrated once per run into a template database, where the application's role
/// (made once per run) is granted its rights; each scratch database is a copy of it (`CREATE
/// DATABASE … TEMPLATE`), which takes a fraction of the time the migrations take.
package final class ScratchDatabase: @unchecked Sendable {
    /// The database's address (with the password).
    package let url: PostgresURL
    /// The same as text (`postgres://…`, password included), for `bewaar --database`.
    package var address: String {
        "postgres://\(url.user):\(url.password ?? "")@\(url.host):\(url.port)/\(url.database)"
    }
    private let name: String

    /// A new database with the schema; throws when the server cannot be had.
    package init() throws {
        let admin = try Self.admin.get()
        let template = try Self.template.get()
        let name = "scratch_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        self.name = name
        var attempt = 0
        while true {
            do {
                try admin.withoutTransaction { try $0.execute("CREATE DATABASE \(name) TEMPLATE \(template.name)") }
                break
            } catch {
                // The template's last connection may still be closing ("being accessed by other users").
                attempt += 1
                guard attempt < 50 else { throw error }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        var url = admin.url
        url.database = name
        (url.user, url.password) = try Self.template.get().app
        self.url = url
    }

    /// Runs `body` in a reading transaction on this database, as the application's role.
    package func withStore<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        let pool = try PostgresStoreDatabase(url: url, connections: 1)
        defer { pool.close() }
        return try pool.read(body)
    }

    /// Runs `body` in a transaction on this database as the server's superuser (the schema's
    /// owner here), for a test that changes what the application's role may not.
    package func asOwner<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        var owner = try Self.admin.get().url
        owner.database = name
        let pool = try PostgresStoreDatabase(url: owner, connections: 1)
        defer { pool.close() }
        return try pool.write(retryable: false, body)
    }

    deinit {
        let name = name
        _ = try? Self.admin.get().withoutTransaction { try $0.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    }

    /// The server's own database, where scratch databases are made and dropped.
    private static let admin = Result { try PostgresStoreDatabase(url: PostgresServer.url(), connections: 2) }

    /// The template (made and migrated once, its pool closed so that it can be copied) and the
    /// application's role, with its password.
    private static let template = Result { () throws -> (name: String, app: (String, String?)) in
        let admin = try ScratchDatabase.admin.get()
        let name = "bewaar_template_\(getpid())"
        let role = "bewaar_app_\(getpid())", password = UUID().uuidString
        try admin.withoutTransaction { c in
            try c.execute("CREATE DATABASE \(name)")
            try c.execute("DROP ROLE IF EXISTS \(role)")
            try c.execute("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'")
        }
        var url = admin.url
        url.database = name
        let pool = try PostgresStoreDatabase(url: url, connections: 1)
        try PostgresSchema.migrator().migrate(pool)
        try pool.withoutTransaction { try ApplicationRole.grant(to: role, in: $0) }
        pool.close()
        return (name, (role, password))
    }
}
