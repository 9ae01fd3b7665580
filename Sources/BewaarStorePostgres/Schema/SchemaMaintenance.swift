extension PostgresSchema {
    /// What the servers' role may ask of the owner's tables, part of the baseline: fresh
    /// statistics of the record tables after a large ingest (``PostgresMaintenance/tidy(afterIngesting:)``).
    ///
    /// Only a table's owner may `ANALYZE` it, and the servers' role owns nothing (`docs/board/
    /// roles.sql`). Without statistics, PostgreSQL plans a timeline page over a case of 100,000
    /// records as if it held a few: it reads them all and sorts (118 ms) instead of walking
    /// `messages_case_order` (0.3 ms), until autovacuum's analyze comes round. The function runs as
    /// its owner (`SECURITY DEFINER`), names its tables itself, and takes no argument.
    static let maintenance: [String] = [
        """
        CREATE FUNCTION bewaar_analyze_records() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp
        AS $$
        BEGIN
            ANALYZE public.messages;
            ANALYZE public.items;
            ANALYZE public.authors;
        END
        $$
        """
    ]
}
