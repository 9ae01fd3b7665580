/// ``SchemaCatalog`` on SQLite: the tables of `sqlite_master` and their columns from
/// `pragma_table_info`, as the destruction has always read them.
package struct SQLiteSchemaCatalog: SchemaCatalog {
    package init() {}

    package func caseTables(in connection: any StoreConnection) throws -> [CaseTable] {
        var tables: [CaseTable] = []
        for table in try connection.fetch("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap({ $0[0].text }) {
            let columns = Set(try connection.fetch("SELECT name FROM pragma_table_info(?)", [.text(table)]).compactMap { $0[0].text })
            let named = CaseTable.caseColumns.filter(columns.contains)
            if !named.isEmpty { tables.append(CaseTable(name: table, columns: named)) }
        }
        return tables
    }

    package func columns(of table: String, in connection: any StoreConnection) throws -> [TableColumn] {
        try connection.fetch("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid", [.text(table)]).compactMap { row in
            row[0].text.map { TableColumn(name: $0, declaredType: row[1].text ?? "") }
        }
    }
}
