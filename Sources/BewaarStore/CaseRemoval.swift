/// The core's part of a destruction inside the destroying transaction, in SQL both databases
/// run: every row of one case deleted in an order their foreign keys allow (links and marks
/// before records, records before items, people's handles before people, the keys last), and the
/// check afterwards that no table still holds the case. ``CaseStore/destroyCase(_:actor:role:reason:early:)``
/// runs it after the modules removed their own rows.
package enum CaseRemoval {
    /// The core's tables, in the order their rows are deleted (``deleteRows(of:caseNo:in:)``).
    package static let tables = [
        "record_links", "marks", "withdrawals", "traces", "messages", "authors", "warnings", "acquisitions", "items", "handles", "people",
        "talks", "statements", "observations", "escalations", "checklist", "custody", "chain_heads", "object_keys", "case_keys", "cases",
    ]

    /// Deletes every row of case `id` (`cases.no` `caseNo`) from the core's tables and returns
    /// how many rows each table lost (tables that lost none included, with 0).
    package static func deleteRows(of id: String, caseNo: Int64?, in c: any StoreConnection) throws -> [String: Int] {
        var removed: [String: Int] = [:]
        let byID: [SQLValue] = [.text(id)]
        let byNumber: [SQLValue] = [caseNo.map { SQLValue.int($0) } ?? .null]
        func delete(_ table: String, where condition: String, _ arguments: [SQLValue]? = nil) throws {
            removed[table, default: 0] += try c.execute("DELETE FROM \(table) WHERE \(condition)", arguments ?? byID)
        }
        let items = "(SELECT id FROM items WHERE case_id = ?1)"
        let records = "(SELECT id FROM messages WHERE case_no = ?2)"
        try delete(
            "record_links", where: "item_id IN \(items) OR other_item IN \(items) OR record_id IN \(records) OR other_record IN \(records)",
            byID + byNumber)
        for table in ["marks", "withdrawals", "traces"] { try delete(table, where: "case_id = ?1") }
        // SQLite: the search index's delete trigger removes each record's terms with it
        // (PostgreSQL keeps them in the record's own row).
        try delete("messages", where: "case_no = ?1", byNumber)
        try delete("authors", where: "case_no = ?1", byNumber)
        try delete("warnings", where: "item_id IN \(items)")
        try delete("acquisitions", where: "item_id IN \(items)")
        try delete("items", where: "case_id = ?1")
        for table in ["handles", "people", "talks", "statements", "observations", "escalations", "checklist"] {
            try delete(table, where: "case_id = ?1")
        }
        try delete("custody", where: "chain = ?1")
        try delete("chain_heads", where: "chain = ?1")
        // Last, the keys (the search index needed the case's key to take its terms out): without
        // them no copy of the case's text or originals, in any backup, opens again.
        try delete("object_keys", where: "case_id = ?1")
        try delete("case_keys", where: "case_id = ?1")
        try delete("cases", where: "id = ?1")
        return removed
    }

    /// Fails when any table of the database (``SchemaCatalog``) still holds a row of case `id`
    /// (`cases.no` `caseNo`), but the destruction log: one the destruction does not know (a new
    /// module's) makes it fail, and nothing is destroyed, rather than keep the case's data unseen.
    package static func checkNoneLeft(of id: String, caseNo: Int64?, catalog: any SchemaCatalog, in c: any StoreConnection) throws {
        for table in try catalog.caseTables(in: c) where table.name != "destruction_log" {
            for column in table.columns {
                let value: SQLValue = column == "case_id" ? .text(id) : caseNo.map { SQLValue.int($0) } ?? .null
                if try c.fetchOne("SELECT EXISTS (SELECT 1 FROM \"\(table.name)\" WHERE \(column) = ?1)", [value])?[0] == .int(1) {
                    throw StoreError(
                        .notDestroyable,
                        nl: "Tabel \(table.name) houdt nog gegevens van zaak \(id) en de vernietiging kent die tabel niet: er is niets vernietigd. "
                            + "Open de opslag met alle modules (`bewaar`), of meld dit.",
                        en: "Table \(table.name) still holds data of case \(id) and the destruction does not know that table: nothing was destroyed. "
                            + "Open the store with every module (`bewaar`), or report this.")
                }
            }
        }
    }
}
