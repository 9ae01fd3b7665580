import BewaarStore

/// ``CaseNumbering`` on PostgreSQL: a counter row per year, taken with one upsert that locks it
/// (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), so a second server opening a case of the same
/// year waits at that statement until the first one's transaction ends and then gets the next
/// number. The counter moves with the case's transaction: a rolled-back opening gives its number
/// back, so the numbers have no gaps. `UNIQUE (year, number)` of `cases` is the backstop.
///
/// The counter is the `store_settings` row `case-numbers-YYYY` (the number as text, as the
/// destruction log's head is kept there). Numbers are per school: the row's key is
/// `(school_id, key)`, and the row-level policy shows the statement only its school's cases and
/// destruction log (`PostgresSchema.schools`). A new counter row, and
/// any counter behind the cases (ones copied in by `bewaar store migrate`), starts from the
/// year's highest number in `cases` and in the destruction log, as SQLite's numbering does: a
/// destroyed case's number is never given out again.
package struct PostgresCaseNumbering: CaseNumbering {
    package init() {}

    /// The `store_settings` key of `year`'s counter.
    package static func key(year: Int) -> String { "case-numbers-\(year)" }

    static let next = """
        INSERT INTO store_settings AS s (key, value)
        VALUES (?1, (1 + GREATEST(COALESCE((SELECT MAX(number) FROM cases WHERE year = ?2), 0),
                                  COALESCE((SELECT MAX(number) FROM destruction_log WHERE year = ?2), 0)))::text)
        ON CONFLICT (school_id, key) DO UPDATE SET value = GREATEST(s.value::bigint + 1, excluded.value::bigint)::text
        RETURNING value
        """

    package func nextNumber(year: Int, in connection: any StoreConnection) throws -> Int {
        let value = try connection.fetchOne(Self.next, [.text(Self.key(year: year)), .int(Int64(year))])?[0].text
        guard let value, let number = Int(value) else {
            throw StoreError(
                .damagedRow,
                nl:
                    "De teller van de zaaknummers van \(year) is onleesbaar (\(value ?? "leeg")); er is geen zaak geopend. Meld dit aan de beheerder.",
                en: "The counter of the case numbers of \(year) cannot be read (\(value ?? "empty")); no case was opened. Tell the administrator.")
        }
        return number
    }
}
