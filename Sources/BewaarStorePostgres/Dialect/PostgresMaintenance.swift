import BewaarStore

/// ``StoreMaintenance`` on PostgreSQL (`notes/issue-17-store-design.md` §6, decided in §14):
/// `VACUUM (ANALYZE)` of the tables a destruction deleted from, outside any transaction (VACUUM
/// cannot run in one), so their space is reused soon. PostgreSQL overwrites nothing, so the
/// outcome (``MaintenanceOutcome/vacuumed(tables:skipped:)``) never claims that the write-ahead
/// log, its archive or earlier dumps were emptied: the destroyed case is unreadable there because
/// its key was deleted.
///
/// Only a table's owner (or a member of its owner role, or a superuser) may vacuum it; PostgreSQL
/// skips any other with a warning and no error. The tables this role may not vacuum are therefore
/// left out of the statement and reported as skipped (autovacuum reaches them), and a table named
/// that does not exist is neither.
package struct PostgresMaintenance: StoreMaintenance {
    /// The store's database.
    package let database: PostgresStoreDatabase

    package init(database: PostgresStoreDatabase) {
        self.database = database
    }

    package func cleanUp(afterDeletingFrom tables: [String]) throws -> MaintenanceOutcome {
        let wanted = Set(tables)
        return try database.withoutTransaction { c -> MaintenanceOutcome in
            var vacuumed: [String] = []
            var skipped: [String] = []
            let rows = try c.fetch(
                """
                SELECT c.relname::text, pg_has_role(c.relowner, 'USAGE')
                FROM pg_catalog.pg_class c
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
                ORDER BY 1
                """)
            for row in rows {
                guard let table = row[0].text, wanted.contains(table) else { continue }
                if row[1] == .int(1) { vacuumed.append(table) } else { skipped.append(table) }
            }
            if !vacuumed.isEmpty {
                try c.execute("VACUUM (ANALYZE) " + vacuumed.map(Self.quoted).joined(separator: ", "))
            }
            return .vacuumed(tables: vacuumed, skipped: skipped)
        }
    }

    /// `VACUUM (ANALYZE)` of `tables`, as after a destruction (a rekey's old wrappings stay in
    /// dead tuples until their space is reused).
    package func compact(afterRewriting tables: [String]) throws {
        _ = try cleanUp(afterDeletingFrom: tables)
    }

    /// After 10,000 records or more, fresh statistics of the record tables (through
    /// `bewaar_analyze_records()`, which runs as the tables' owner), so the next timeline page is
    /// planned for the case's real size; autovacuum does the rest.
    package func tidy(afterIngesting records: Int) throws {
        guard records >= 10_000 else { return }
        try database.withoutTransaction { try $0.execute("SELECT bewaar_analyze_records()") }
    }

    /// An ordinary writing transaction, never rerun (a destruction removes files after it):
    /// PostgreSQL has no `secure_delete`; what makes deleted rows unreadable is the case's deleted
    /// key (``MaintenanceOutcome/vacuumed(tables:skipped:)``).
    package func writingSecurely<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try database.write(retryable: false, body)
    }

    package func problems(opening sealer: Sealer) throws -> [IntegrityProblem] {
        try database.read { c in
            // An item's records are found by (item_id, seq) from 0 to message_count - 1.
            let misplaced = try c.fetch(
                """
                SELECT i.id, i.name, i.case_id FROM items i
                LEFT JOIN (SELECT item_id, COUNT(*) AS n, MIN(seq) AS s0, MAX(seq) AS s1 FROM messages GROUP BY item_id) r
                       ON r.item_id = i.id
                WHERE COALESCE(r.n, 0) != i.message_count OR (r.n > 0 AND (r.s0 != 0 OR r.s1 != r.n - 1))
                ORDER BY i.id LIMIT 100
                """
            ).map { row in
                let item = try StoredRow(row, table: "items", key: "id")("id", as: Int64.self)
                return IntegrityProblem.misplacedRecords(item: item, name: try sealer.open(row[1], case: row[2]) ?? "")
            }
            return misplaced + (try Self.orphanedRecords(in: c))
        }
    }

    /// Records whose item or case is gone, per item: the triggers that keep them from being
    /// orphaned (``PostgresSchema/recordParentChecks``) do not run when a dump is restored with
    /// `--disable-triggers`, or when a role turns them off.
    static func orphanedRecords(in c: any StoreConnection) throws -> [IntegrityProblem] {
        try c.fetch(
            """
            SELECT m.item_id, m.case_no, COUNT(*) AS n,
                   EXISTS (SELECT 1 FROM items i WHERE i.id = m.item_id) AS item_kept,
                   EXISTS (SELECT 1 FROM cases k WHERE k.no = m.case_no) AS case_kept
            FROM messages m
            WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = m.item_id)
               OR NOT EXISTS (SELECT 1 FROM cases k WHERE k.no = m.case_no)
            GROUP BY m.item_id, m.case_no ORDER BY m.item_id, m.case_no LIMIT 100
            """
        ).map { found in
            let row = StoredRow(found, table: "messages", key: "item_id")
            return IntegrityProblem.orphanedRecords(
                item: try row("item_id"), caseNo: try row("case_no"), count: try row("n"),
                itemGone: found["item_kept"] != .int(1), caseGone: found["case_kept"] != .int(1))
        }
    }

    /// `name` as a quoted SQL identifier.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
