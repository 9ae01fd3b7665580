/// The PostgreSQL store's schema: its migrations, in the order every PostgreSQL store runs them.
///
/// A PostgreSQL store has no history to replay, so its first migration, ``baselineName``, makes
/// at once what a SQLite store has after every migration in `Schema.shippedOrder` up to
/// `v15-sign-on-sessions` (the core's and the accounts and web modules'), in PostgreSQL's types
/// (`notes/issue-17-store-design.md` §8, §9; `notes/issue-17-pg-schema.md` lists each deliberate
/// difference). PostgreSQL stores are always encrypted, so every column that an encrypted SQLite
/// store seals is `bytea` here; the sealing happens in Swift, never in SQL.
///
/// A later migration gets the next name of `Schema.shippedOrder` (say `v16-…`) on both stores: its
/// PostgreSQL statements go into ``migrations`` under that name, and the name is appended to
/// ``shippedOrder``. A migration only PostgreSQL has (a board's schools) has a name that starts with
/// `pg-` and no SQLite twin. A shipped migration is never edited.
package enum PostgresSchema {
    /// The baseline's name: the SQLite schema as of `v15-sign-on-sessions`.
    package static let baselineName = "pg-baseline-v15"

    /// Every migration that shipped for PostgreSQL, in the order stores run them.
    package static let shippedOrder = [baselineName, schoolNumbersName, boardOfficeName]

    /// The migrations by name. The baseline is the core's tables and the checks of `messages`'
    /// parents, then the accounts module's tables, then the web module's (a PostgreSQL store
    /// always has every module, the web server's), then the schools that own their rows
    /// (``schools``), what the board sees of all of them (``boardOverview``), and the statistics
    /// the servers may ask for (``maintenance``).
    static let migrations: [String: [String]] = [
        baselineName: core + recordParentChecks + accounts + web + schools + boardOverview + maintenance,
        schoolNumbersName: schoolNumbers,
        boardOfficeName: boardOffice,
    ]

    /// The migrator of a PostgreSQL store: ``shippedOrder``'s migrations, in that order.
    package static func migrator() throws -> PostgresMigrator {
        try PostgresMigrator(
            shippedOrder.map { name in
                guard let statements = migrations[name] else {
                    throw PostgresStoreError(
                        .migrationFailed, nl: "Migratie \(name) heeft geen SQL voor PostgreSQL. Dit is een fout in Bewaar.",
                        en: "Migration \(name) has no SQL for PostgreSQL. This is a bug in Bewaar.")
                }
                return PostgresMigration(name, statements)
            })
    }
}
