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

    /// `name` as a quoted SQL identifier.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
