import GRDB

/// Which columns of the store hold a case's free text — sealed with the case's key in an
/// encrypted store — and how each row names its case: the table ``Sealer`` seals and opens by,
/// in Swift, and `bewaar store encrypt` seals a plain store by (in SQL, ``sealStatements(_:_:)``). Times, sizes, counts, kinds, roles, staff
/// names (who recorded what) and SHA-256 digests stay plain: the store's SQL sorts, counts and
/// checks them (the README's "Privacy en bewaartermijn" says what they reveal).
package enum SealedColumns {
    package struct Table: Sendable {
        package var name: String
        /// The SQL expression, on a row of the table, naming its case (an id or a number).
        package var caseReference: String
        package var columns: [String]
        /// Rows this applies to (custody events of the store's own chain are not a case's).
        package var condition: String = "1"

        /// The column of a row read from the table that names its case: the case reference when
        /// that is a column, `case_id` (selected by the query) for rows that name it through their item.
        var caseColumn: String { caseReference == SealedColumns.itemCase ? "case_id" : caseReference }
    }

    static let itemCase = "(SELECT case_id FROM items WHERE items.id = item_id)"

    package static let core: [Table] = [
        Table(name: "cases", caseReference: "id", columns: ["title", "summary", "close_reason", "hold_reason"]),
        Table(name: "people", caseReference: "case_id", columns: ["name", "related_to"]),
        Table(name: "authors", caseReference: "case_no", columns: ["name"]),
        Table(name: "messages", caseReference: "case_no", columns: ["text", "rest", "verbatim"]),
        Table(name: "items", caseReference: "case_id", columns: ["name", "collected_from", "note", "path_in_parent", "extra"]),
        Table(name: "acquisitions", caseReference: itemCase, columns: ["name", "collected_from", "note"]),
        Table(name: "warnings", caseReference: itemCase, columns: ["message"]),
        Table(name: "custody", caseReference: "chain", columns: ["details"], condition: "chain <> 'store'"),
        Table(name: "handles", caseReference: "case_id", columns: ["value", "profile_url"]),
        Table(name: "talks", caseReference: "case_id", columns: ["participants", "with_whom", "summary", "agreements", "follow_up"]),
        Table(name: "observations", caseReference: "case_id", columns: ["sender", "recipients", "seen_when", "place", "description"]),
        Table(name: "statements", caseReference: "case_id", columns: ["person", "text", "since", "effect"]),
        Table(name: "marks", caseReference: "case_id", columns: ["note"]),
        Table(name: "checklist", caseReference: "case_id", columns: ["note", "fields"]),
        Table(name: "escalations", caseReference: "case_id", columns: ["note", "undo_reason"]),
        Table(name: "withdrawals", caseReference: "case_id", columns: ["reason"]),
        Table(name: "traces", caseReference: "case_id", columns: ["mail_name", "originating_ip", "conclusion", "result"]),
    ]

    /// Sealed columns of tables a module keeps only for a while (never rewritten by `bewaar
    /// store encrypt`: a plain store's flashes stay plain until they expire).
    static let transient: [Table] = [
        Table(name: "web_flashes", caseReference: "case_id", columns: ["body"])
    ]

    /// The sealed columns of `name` (``core`` and ``transient``); nil for a table with none.
    static func table(_ name: String) -> Table? {
        core.first { $0.name == name } ?? transient.first { $0.name == name }
    }

    /// The custody chain of the store itself, which belongs to no case: its details stay plain.
    static let storeChain = "store".databaseValue

    /// `UPDATE` statements that seal what is still plain (a sealed value is left as it is), for
    /// `bewaar store encrypt`, which rewrites a store in place: they use the SQL function
    /// `bw_seal` (``SealFunctions``), the one place left where SQL seals.
    static func sealStatements(_ tables: [Table], _ db: Database) throws -> [String] {
        try tables.compactMap { t in
            let present = Set(try db.columns(in: t.name).map(\.name))
            let sets = t.columns.filter(present.contains).map { "\($0) = bw_seal(\(t.caseReference), \($0))" }.joined(separator: ", ")
            return sets.isEmpty ? nil : "UPDATE \(t.name) SET \(sets) WHERE \(t.condition)"
        }
    }
}
