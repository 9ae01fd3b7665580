import BewaarStore
import BewaarStorePostgres
import Foundation

/// A fresh database on the test run's PostgreSQL server (``PostgresServer``) for one test, with
/// the store's whole schema, dropped again when the value goes away.
///
/// The schema is migrated once per run into a template database; each scratch database is a copy
/// of it (`CREATE DATABASE … TEMPLATE`), which takes a fraction of the time the migrations take.
package final class ScratchDatabase: @unchecked Sendable {
    /// The database's address (with the password).
    package let url: PostgresURL
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
                try admin.withoutTransaction { try $0.execute("CREATE DATABASE \(name) TEMPLATE \(template)") }
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
        self.url = url
    }

    deinit {
        let name = name
        _ = try? Self.admin.get().withoutTransaction { try $0.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    }

    /// The server's own database, where scratch databases are made and dropped.
    private static let admin = Result { try PostgresStoreDatabase(url: PostgresServer.url(), connections: 2) }

    /// The template: made and migrated once, its pool closed so that it can be copied.
    private static let template = Result { () throws -> String in
        let admin = try ScratchDatabase.admin.get()
        let name = "bewaar_template_\(getpid())"
        try admin.withoutTransaction { try $0.execute("CREATE DATABASE \(name)") }
        var url = admin.url
        url.database = name
        let pool = try PostgresStoreDatabase(url: url, connections: 1)
        try PostgresSchema.migrator().migrate(pool)
        pool.close()
        return name
    }
}
