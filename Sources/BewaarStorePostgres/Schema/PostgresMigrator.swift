import BewaarStore
import Foundation

/// Brings a PostgreSQL store's schema up to date: runs, oldest first, each migration not yet
/// recorded in `schema_migrations (name, applied_at)`, each in its own transaction together with
/// its record.
///
/// The whole run holds a session-level advisory lock (``lockKey``), so two servers starting at
/// once do not both migrate: the second waits, then finds everything done. A store that records a
/// migration this Bewaar does not know was migrated by a newer Bewaar and is refused, as the
/// SQLite store refuses one.
package struct PostgresMigrator: Sendable {
    package let migrations: [PostgresMigration]

    /// The advisory lock's key ("bewaarmg" as eight ASCII bytes): the same for every Bewaar.
    package static let lockKey: Int64 = 0x6265_7761_6172_6D67

    /// Throws when two migrations have the same name.
    package init(_ migrations: [PostgresMigration]) throws {
        var names = Set<String>()
        for migration in migrations where !names.insert(migration.name).inserted {
            throw PostgresStoreError(
                .migrationFailed, nl: "Migratie \(migration.name) is twee keer aangemeld. Dit is een fout in Bewaar.",
                en: "Migration \(migration.name) is registered twice. This is a bug in Bewaar.")
        }
        self.migrations = migrations
    }

    /// Runs what is missing and returns the names of the migrations it ran (empty when the store
    /// was up to date). `now` gives the recorded time.
    @discardableResult
    package func migrate(_ database: PostgresStoreDatabase, now: () -> Date = { Date() }) throws -> [String] {
        try database.withoutTransaction { c in
            try c.execute("SELECT pg_advisory_lock(?1)", [.int(Self.lockKey)])
            defer { _ = try? c.execute("SELECT pg_advisory_unlock(?1)", [.int(Self.lockKey)]) }
            try c.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at text NOT NULL)")
            let applied = Set(try c.fetch("SELECT name FROM schema_migrations").compactMap { $0[0].text })
            let known = Set(migrations.map(\.name))
            if let unknown = applied.subtracting(known).sorted().first {
                throw PostgresStoreError(
                    .migrationFailed,
                    nl:
                        "De database \(database.url.database) op \(database.url.server) is bijgewerkt door een nieuwere Bewaar (migratie \(unknown)). Werk Bewaar op deze server bij.",
                    en:
                        "The database \(database.url.database) at \(database.url.server) was updated by a newer Bewaar (migration \(unknown)). Update Bewaar on this server."
                )
            }
            var ran: [String] = []
            for migration in migrations where !applied.contains(migration.name) {
                try c.execute("BEGIN")
                do {
                    for statement in migration.statements { try c.execute(statement) }
                    try c.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?1, ?2)", [.text(migration.name), .text(now().stored)])
                    try c.execute("COMMIT")
                } catch {
                    _ = try? c.execute("ROLLBACK")
                    let store = error as? PostgresStoreError
                    throw PostgresStoreError(
                        .migrationFailed,
                        nl:
                            "Migratie \(migration.name) van de database \(database.url.database) mislukte en is teruggedraaid (\(store?.dutch ?? "\(error)")). De database is niet gewijzigd door deze migratie; meld dit aan de beheerder.",
                        en:
                            "Migration \(migration.name) of the database \(database.url.database) failed and was rolled back (\(store?.english ?? "\(error)")). This migration changed nothing; tell the administrator."
                    )
                }
                ran.append(migration.name)
            }
            return ran
        }
    }
}
