import GRDB

/// Which columns of the store hold a case's free text — sealed with the case's key in an
/// encrypted store — and how each row names its case. Times, sizes, counts, kinds, roles, staff
/// names (who recorded what) and SHA-256 digests stay plain: the store's SQL sorts, counts and
/// checks them (the README's "Privacy en bewaartermijn" says what they reveal).
package enum SealedColumns {
    struct Table: Sendable {
        var name: String
        /// The SQL expression, on a row of the table, naming its case (an id or a number).
        var caseReference: String
        var columns: [String]
        /// Rows this applies to (custody events of the store's own chain are not a case's).
        var condition: String = "1"
    }

    static let itemCase = "(SELECT case_id FROM items WHERE items.id = item_id)"

    static let core: [Table] = [
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

    /// A select list for `table` that gives its sealed columns opened, under their own names,
    /// ahead of `*` (a row's value by name is the first column of that name): `SELECT
    /// \(select("people")) FROM people` reads as `SELECT * FROM people` did in a plain store.
    /// A column a module adds (`escalations.undo_reason`) is opened when the store has it.
    package static func select(_ table: String, _ db: Database) throws -> String {
        guard let t = core.first(where: { $0.name == table }) else { return "*" }
        let present = Set(try db.columns(in: table).map(\.name))
        return t.columns.filter(present.contains).map { "bw_open(\(t.caseReference), \($0)) AS \($0)" }.joined(separator: ", ") + ", *"
    }

    /// `UPDATE` statements that seal what is still plain (a sealed value is left as it is).
    static func sealStatements(_ tables: [Table], _ db: Database) throws -> [String] {
        try tables.compactMap { t in
            let present = Set(try db.columns(in: t.name).map(\.name))
            let sets = t.columns.filter(present.contains).map { "\($0) = bw_seal(\(t.caseReference), \($0))" }.joined(separator: ", ")
            return sets.isEmpty ? nil : "UPDATE \(t.name) SET \(sets) WHERE \(t.condition)"
        }
    }
}
