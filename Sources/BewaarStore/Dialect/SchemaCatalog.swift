/// What the store's database says about its own tables: which of them hold a case's rows. A
/// destruction checks every such table afterwards, so that a table it does not know (a new
/// module's) makes it fail rather than keep the case's data unseen. One implementation per
/// database: ``SQLiteSchemaCatalog`` (`sqlite_master`, `pragma_table_info`) and
/// `PostgresSchemaCatalog` (PostgreSQL's catalog).
package protocol SchemaCatalog: Sendable {
    /// Every table with a `case_id` or a `case_no` column (``CaseTable/caseColumns``), by name.
    func caseTables(in connection: any StoreConnection) throws -> [CaseTable]

    /// The columns of `table`, in their order (none for a table the database does not have).
    func columns(of table: String, in connection: any StoreConnection) throws -> [TableColumn]
}

/// A table that holds rows of cases, and the columns that name the case.
package struct CaseTable: Sendable, Hashable {
    /// The columns that name a case: `case_id` (the case's id, `2026-0001`) and `case_no` (its
    /// number in the store, `cases.no`).
    package static let caseColumns = ["case_id", "case_no"]

    package var name: String
    /// Those of ``caseColumns`` the table has, in that order.
    package var columns: [String]

    package init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}
