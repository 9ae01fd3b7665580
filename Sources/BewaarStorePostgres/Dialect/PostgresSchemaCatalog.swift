import BewaarStore

/// ``SchemaCatalog`` on PostgreSQL: the tables (ordinary and partitioned) of the store's schema
/// with a `case_id` or `case_no` column, from `pg_catalog`.
///
/// Not from `information_schema.columns`, which only lists the columns of tables the role holds
/// some privilege on: a table of a new module that the application's role was not granted would
/// be left out, and the destruction would succeed with the case's rows still in it. From
/// `pg_catalog` that table is listed, and reading it then fails (permission denied), so nothing
/// is destroyed: the failure the leftover check exists for.
package struct PostgresSchemaCatalog: SchemaCatalog {
    package init() {}

    package func caseTables(in connection: any StoreConnection) throws -> [CaseTable] {
        let rows = try connection.fetch(
            """
            SELECT c.relname::text, a.attname::text
            FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
              AND a.attnum > 0 AND NOT a.attisdropped AND a.attname IN ('case_id', 'case_no')
            ORDER BY 1
            """)
        var columns: [String: Set<String>] = [:]
        for row in rows {
            guard let table = row[0].text, let column = row[1].text else { continue }
            columns[table, default: []].insert(column)
        }
        return columns.keys.sorted().map { table in
            CaseTable(name: table, columns: CaseTable.caseColumns.filter { columns[table]?.contains($0) == true })
        }
    }

    package func columns(of table: String, in connection: any StoreConnection) throws -> [TableColumn] {
        try connection.fetch(
            """
            SELECT a.attname::text, pg_catalog.format_type(a.atttypid, a.atttypmod)
            FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ?1 AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """, [.text(table)]
        ).compactMap { row in row[0].text.map { TableColumn(name: $0, declaredType: row[1].text ?? "") } }
    }
}
