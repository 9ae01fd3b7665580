import BewaarModel
import BewaarStore
import Foundation

extension PostgresBoard {
    /// The board's overview of every school (``BoardOverview``), through the two functions that
    /// see every school's rows for this one question (`board_destruction_log()`,
    /// `board_retention_overview()`, `PostgresSchema.boardOverview`). The board must have
    /// granted the servers' role their use; otherwise an error that says how.
    package func overview() throws -> BoardOverview {
        do {
            // Before the overview's own transaction, not inside it: a read inside a read takes a
            // second connection of the pool.
            let names = try schools().map(\.name)
            return try database.read { c in
                let cases = try c.fetch(
                    "SELECT school, case_id, status, opened, closed_at, retention_until, on_hold::int FROM board_retention_overview()"
                ).map { row in
                    BoardOverview.RetainedCase(
                        school: row[0].text ?? "", caseID: row[1].text ?? "", status: row[2].text ?? "", opened: row[3].text.flatMap(Self.date),
                        closed: row[4].text.flatMap(Self.date), retainedUntil: row[5].text.flatMap(Self.date), onHold: row[6] == .int(1))
                }
                let destructions = try c.fetch("SELECT school, record, hash FROM board_destruction_log()").map { row in
                    let r = try DestructionRecord(canonical: row[1].text ?? "", hash: row[2].text ?? "")
                    return BoardOverview.Destruction(
                        school: row[0].text ?? "", sequence: r.sequence, caseID: r.caseID.description, time: r.time, actor: r.actor,
                        actorRole: r.actorRole, early: r.early, originals: r.originals.count, hash: r.hash)
                }
                return BoardOverview(schools: names, cases: cases, destructions: destructions)
            }
        } catch let error as PostgresStoreError where error.sqlState == "42501" {
            throw StoreError(
                .invalidValue,
                nl:
                    "De servers mogen het overzicht van het bestuur nog niet lezen. De eigenaar van de database geeft dat recht eenmalig: GRANT EXECUTE ON FUNCTION board_destruction_log(), board_retention_overview() TO bewaar_app (zie README).",
                en:
                    "The servers may not read the board's overview yet. The database's owner grants that once: GRANT EXECUTE ON FUNCTION board_destruction_log(), board_retention_overview() TO bewaar_app (see README)."
            )
        }
    }

    /// A time as the store keeps it (`Date.stored`), or a day (`2026-09-01`).
    static func date(_ text: String) -> Date? {
        Date(stored: text) ?? Timestamp(rfc3339: text + "T00:00:00Z")?.date
    }
}
