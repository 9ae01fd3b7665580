import BewaarStore

/// ``DatabaseBackup`` on PostgreSQL: refuses. A board's database is backed up by its IT with
/// `pg_dump` (a consistent snapshot while the servers run) together with a copy of the shared
/// originals folder; `bewaar check` on a restored database says whether every chain and every
/// original is whole. The refusal says so, naming the database.
package struct PostgresBackup: DatabaseBackup {
    /// The database the store is in (named in the refusal; its password is never shown).
    package let url: PostgresURL

    package init(url: PostgresURL) {
        self.url = url
    }

    package func backUp(to path: String) throws {
        throw StoreError.backupWithPgDump(database: url.database, server: url.server)
    }
}

extension StoreError {
    /// `bewaar backup` of a store in PostgreSQL: refused, saying what to use instead.
    package static func backupWithPgDump(database: String, server: String) -> StoreError {
        StoreError(
            .unsupported,
            nl:
                "Deze opslag staat in PostgreSQL (database \(database) op \(server)); `bewaar backup` kopieert alleen een SQLite-opslag en heeft niets geschreven. "
                + "Maak de reservekopie met `pg_dump` van de database samen met een kopie van de map met originelen.",
            en: "This store is in PostgreSQL (database \(database) at \(server)); `bewaar backup` copies only a SQLite store and wrote nothing. "
                + "Back it up with `pg_dump` of the database together with a copy of the originals folder.")
    }
}
