/// The pieces of the store that differ between the two databases, chosen once per store (plan
/// §2.2): how a chain's head is held, how case numbers are given, how the tables that hold a
/// case are found. The store's SQL that both databases run alike is written once, beside them.
/// (Maintenance and backup need the open SQLite pool itself, so the store makes those where it
/// uses them.)
package struct StoreDialect: Sendable {
    /// How a custody chain's head is read and moved inside a transaction.
    package var chains: any ChainHeads
    /// How the next case number of a year is given.
    package var numbering: any CaseNumbering
    /// Which tables hold rows of a case (a destruction's leftover check).
    package var catalog: any SchemaCatalog
    /// How a timeline search narrows a case's records to its candidates (``SearchPager``).
    package var search: any SearchIndex
    /// Whether statements name the index to use (SQLite's `INDEXED BY`, where its planner's
    /// statistics can choose a scan: ``CaseStore/authors(item:limit:)``).
    package var indexHints: Bool

    package init(
        chains: any ChainHeads, numbering: any CaseNumbering, catalog: any SchemaCatalog, search: any SearchIndex, indexHints: Bool = false
    ) {
        self.chains = chains
        self.numbering = numbering
        self.catalog = catalog
        self.search = search
        self.indexHints = indexHints
    }

    /// The SQLite store's.
    package static let sqlite = StoreDialect(
        chains: SQLiteChainHeads(), numbering: SQLiteCaseNumbering(), catalog: SQLiteSchemaCatalog(), search: FTS5SearchIndex(), indexHints: true)
}
