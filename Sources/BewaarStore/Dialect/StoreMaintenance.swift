/// What a store's database does after a destruction so that the removed rows leave its files
/// as far as that database can promise (`notes/issue-17-store-design.md` §6), and what it can
/// truthfully say it did. One implementation per database: ``SQLiteMaintenance`` and
/// `PostgresMaintenance`. Runs after the destroying transaction committed, outside any
/// transaction.
package protocol StoreMaintenance: Sendable {
    /// Cleans up after rows were deleted from `tables` (a database that rebuilds its whole file
    /// may ignore the list) and says what was done.
    func cleanUp(afterDeletingFrom tables: [String]) throws -> MaintenanceOutcome

    /// Gives the space of rows rewritten in `tables` back (after the store's keys were rewrapped
    /// or its text sealed), without the search index's merge: SQLite rebuilds its file and
    /// empties its write-ahead log, PostgreSQL vacuums the tables. Outside any transaction.
    func compact(afterRewriting tables: [String]) throws

    /// Tidies up after an ingest committed `records` records, outside any transaction: SQLite
    /// refreshes the planner's statistics after a large one (so the timeline index stays in use)
    /// and gives back the pages its search index freed; PostgreSQL leaves both to autovacuum.
    func tidy(afterIngesting records: Int) throws

    /// Runs `body` in a writing transaction whose deleted content leaves the database's pages
    /// as far as it can promise: SQLite's IMMEDIATE transaction with `secure_delete` on (freed
    /// content overwritten with zeros; the setting put back afterwards), PostgreSQL's ordinary
    /// writing transaction (never rerun: a destruction removes files after it). A destruction,
    /// a rekey.
    func writingSecurely<T>(_ body: (any StoreConnection) throws -> T) throws -> T

    /// The checks of `bewaar check` that belong to this database, reading only: SQLite, whether
    /// each item's records are the rows its `first_record` and `message_count` name, and FTS5's
    /// own integrity check of the search index; PostgreSQL, whether each item's records are
    /// numbered `0…message_count-1`, and whether any record's item or case is gone (a restore
    /// without triggers). `sealer` opens the item names the problems show.
    func problems(opening sealer: Sealer) throws -> [IntegrityProblem]
}

/// What ``StoreMaintenance/cleanUp(afterDeletingFrom:)`` did: only what the database can stand
/// behind, so that a destruction report built from it never claims more.
package enum MaintenanceOutcome: Sendable, Hashable {
    /// SQLite: the search index merged, the file rebuilt without its free pages (`VACUUM`, with
    /// `secure_delete`: freed pages zeroed), and the write-ahead log emptied when `walEmptied`
    /// (a reader in another process can keep it from being emptied until the next checkpoint).
    case fileRebuilt(walEmptied: Bool, databaseBytes: Int64)
    /// PostgreSQL: `VACUUM` ran on `tables`, so their space is reused soon; `skipped` are tables
    /// this role does not own (autovacuum reaches them). VACUUM overwrites nothing: dead tuples
    /// until their space is reused, the WAL, its archive, replicas and earlier `pg_dump` files
    /// keep the sealed bytes and the plain columns; what makes the case unreadable there is its
    /// deleted key (crypto-shredding).
    case vacuumed(tables: [String], skipped: [String])

    /// Whether the write-ahead log was emptied. Never true on PostgreSQL: it cannot say so.
    package var walEmptied: Bool {
        if case .fileRebuilt(let emptied, _) = self { return emptied }
        return false
    }

    /// The size of the database file, where the database is one file (SQLite).
    package var databaseBytes: Int64? {
        if case .fileRebuilt(_, let bytes) = self { return bytes }
        return nil
    }

    /// What the destruction report may say about the clean-up, in Dutch.
    package var dutch: String {
        switch self {
        case .fileRebuilt(let emptied, let bytes):
            return "De database is herbouwd (\(bytes) bytes)"
                + (emptied ? " en het write-ahead-log is leeg." : "; het write-ahead-log is nog niet leeg (een ander proces leest).")
        case .vacuumed(let tables, let skipped):
            return "PostgreSQL heeft \(tables.count) tabel(len) opgeschoond (VACUUM)"
                + (skipped.isEmpty ? "" : "; \(skipped.count) niet (geen eigenaar: autovacuum doet ze)")
                + ". De sleutel van de zaak is verwijderd, dus achtergebleven kopieën (oude rijen, WAL, eerdere pg_dump-bestanden) zijn niet meer te openen;"
                + " tijden, groottes, namen van medewerkers en SHA-256 van originelen blijven daarin leesbaar tot PostgreSQL de ruimte hergebruikt."
        }
    }

    /// What the destruction report may say about the clean-up, in English.
    package var english: String {
        switch self {
        case .fileRebuilt(let emptied, let bytes):
            return "The database was rebuilt (\(bytes) bytes)"
                + (emptied ? " and the write-ahead log is empty." : "; the write-ahead log is not empty yet (another process is reading).")
        case .vacuumed(let tables, let skipped):
            return "PostgreSQL vacuumed \(tables.count) table(s)"
                + (skipped.isEmpty ? "" : "; not \(skipped.count) (not their owner: autovacuum does them)")
                + ". The case's key was deleted, so copies left behind (dead rows, WAL, earlier pg_dump files) no longer open;"
                + " times, sizes, staff names and the originals' SHA-256 stay readable in them until PostgreSQL reuses the space."
        }
    }
}
