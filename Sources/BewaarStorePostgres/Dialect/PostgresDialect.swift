import BewaarStore

extension StoreDialect {
    /// The dialect of a store in PostgreSQL: chains held by `SELECT … FOR UPDATE`, a counter row
    /// per year, the catalog from `pg_catalog`, `VACUUM` after a destruction, and `bewaar backup`
    /// refused in favour of `pg_dump`, records in `unnest` batches (``PostgresRecordRanges``), search by keyed terms (``PostgresSearchIndex``).
    package static func postgres(_ database: PostgresStoreDatabase) -> StoreDialect {
        StoreDialect(
            chains: PostgresChainHeads(), numbering: PostgresCaseNumbering(), catalog: PostgresSchemaCatalog(),
            maintenance: PostgresMaintenance(database: database), backup: PostgresBackup(url: database.url),
            records: PostgresRecordRanges(), search: PostgresSearchIndex(), schoolKey: "school_id, ",
            expressions: PostgresExpressions(), sealedColumnsAreBytes: true)
    }
}
