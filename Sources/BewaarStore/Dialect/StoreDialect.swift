/// The pieces of the store that differ between the two databases, chosen once per store (plan
/// §2.2) when it opens: how a chain's head is held, how case numbers are given, how the tables
/// that hold a case are found, how the database is cleaned up, checked and backed up. The store's
/// SQL that both databases run alike is written once, beside them.
package struct StoreDialect: Sendable {
    /// How a custody chain's head is read and moved inside a transaction.
    package var chains: any ChainHeads
    /// How the next case number of a year is given.
    package var numbering: any CaseNumbering
    /// Which tables hold rows of a case (a destruction's leftover check).
    package var catalog: any SchemaCatalog
    /// The destroying transaction, the clean-up after it, and the database's own checks.
    package var maintenance: any StoreMaintenance
    /// How `bewaar backup` copies the database.
    package var backup: any DatabaseBackup
    /// How an item's records are written and read (the ingest's hot path).
    package var records: any RecordStorage
    /// How a timeline search narrows a case's records to its candidates (``SearchPager``).
    package var search: any SearchIndex
    /// Whether statements name the index to use (SQLite's `INDEXED BY`, where its planner's
    /// statistics can choose a scan: ``CaseStore/authors(item:limit:)``).
    package var indexHints: Bool
    /// What the unique keys of a school's named rows start with (an upsert's `ON CONFLICT`
    /// target): `school_id, ` on PostgreSQL, where a table holds every school's rows; nothing on
    /// SQLite, whose store is one school's.
    package var schoolKey: String
    /// Whether the database holds many schools (a board's PostgreSQL), so a store that acts for no
    /// school can switch a transaction to one (`bewaar.school`).
    package var hasSchools: Bool { !schoolKey.isEmpty }
    /// Whether sealed columns are bytes only (PostgreSQL's `bytea`), so the text a sealed column
    /// keeps plain (the `store` chain's details) is bound as its UTF-8.
    package var sealedColumnsAreBytes: Bool
    /// The SQL expressions the two databases spell differently.
    package var expressions: any SQLExpressions

    package init(
        chains: any ChainHeads, numbering: any CaseNumbering, catalog: any SchemaCatalog, maintenance: any StoreMaintenance,
        backup: any DatabaseBackup, records: any RecordStorage, search: any SearchIndex, indexHints: Bool = false,
        schoolKey: String = "", expressions: any SQLExpressions = SQLiteExpressions(), sealedColumnsAreBytes: Bool = false
    ) {
        self.sealedColumnsAreBytes = sealedColumnsAreBytes
        self.schoolKey = schoolKey
        self.expressions = expressions
        self.chains = chains
        self.numbering = numbering
        self.catalog = catalog
        self.maintenance = maintenance
        self.backup = backup
        self.records = records
        self.search = search
        self.indexHints = indexHints
    }

    /// The dialect of a SQLite store's open database (maintenance and backup work on it).
    package static func sqlite(_ database: SQLiteDatabase) -> StoreDialect {
        StoreDialect(
            chains: SQLiteChainHeads(), numbering: SQLiteCaseNumbering(), catalog: SQLiteSchemaCatalog(),
            maintenance: SQLiteMaintenance(writer: database.writer, databasePath: database.writer.path),
            backup: SQLiteBackup(writer: database.writer), records: SQLiteRecordStorage(), search: FTS5SearchIndex(), indexHints: true)
    }
}
