/// Copies a store's database for `bewaar backup`. One implementation per database:
/// ``SQLiteBackup`` (SQLite's online backup into one file) and `PostgresBackup`, which refuses:
/// a PostgreSQL store is backed up with `pg_dump` plus a copy of the originals folder, by the
/// board's IT. (Named for the database, not the store: `StoreBackup` is BewaarKit's whole
/// `bewaar backup`.)
package protocol DatabaseBackup: Sendable {
    /// Copies the database into a new file at `path` (which must not exist): the state of one
    /// moment, while others keep reading and writing. Throws a ``StoreError`` saying what to do
    /// when this database is not copied this way.
    func backUp(to path: String) throws
}
