import BewaarStore

/// Reads an item's records on PostgreSQL by their places: `item_id = ?1 AND seq BETWEEN ?2 AND
/// ?3 ORDER BY seq`, an index range on `messages_item_seq` (`notes/issue-17-store-design.md`
/// §2.4). The SQLite store finds them at `items.first_record + seq`; that needs consecutive ids,
/// which two servers writing at once do not give (§1.5 item 1).
package struct PostgresRecordRanges: Sendable {
    package init() {}

    /// The condition on `messages m` for item `?1`, places `?2` to `?3`.
    package static let condition = "m.item_id = ?1 AND m.seq BETWEEN ?2 AND ?3"

    /// The records of item `itemID` at places `seqs`, in order, one at a time (through a cursor:
    /// an item of 300,000 records is never held whole).
    package static func forEach(
        item itemID: Int64, seqs: ClosedRange<Int64>, in connection: any StoreConnection, _ body: (PostgresRecord) throws -> Void
    ) throws {
        try connection.forEach(
            """
            SELECT m.seq, m.ts, m.utc_offset, m.author_no, m.kind, m.text, m.origin_line, m.origin_offset, m.origin_length,
                   m.rest, m.verbatim, array_to_string(m.terms, ' ')
            FROM messages m WHERE \(condition) ORDER BY m.seq
            """, [.int(itemID), .int(seqs.lowerBound), .int(seqs.upperBound)]
        ) { row in try body(record(row)) }
    }

    /// The records of item `itemID` at places `seqs`, in order.
    package static func records(item itemID: Int64, seqs: ClosedRange<Int64>, in connection: any StoreConnection) throws -> [PostgresRecord] {
        var records: [PostgresRecord] = []
        try forEach(item: itemID, seqs: seqs, in: connection) { records.append($0) }
        return records
    }

    /// How many records item `itemID` has.
    package static func count(item itemID: Int64, in connection: any StoreConnection) throws -> Int {
        Int(try connection.fetchOne("SELECT count(*) FROM messages WHERE item_id = ?1", [.int(itemID)])?[0].int ?? 0)
    }

    private static func record(_ row: any SQLRow) throws -> PostgresRecord {
        guard let seq = row[0].int, let kind = row[4].text, let text = row[5].bytes, let offset = row[7].int, let length = row[8].int else {
            throw PostgresStoreError(
                .unsupportedValue, nl: "Een record in de database mist een verplichte kolom. Dit is een fout in Bewaar.",
                en: "A record in the database lacks a required column. This is a bug in Bewaar.")
        }
        return PostgresRecord(
            seq: seq, time: row[1].double, utcOffset: row[2].int, author: row[3].int, kind: kind, text: text, originLine: row[6].int,
            originOffset: offset, originLength: length, rest: row[9].bytes, verbatim: row[10].bytes,
            terms: (row[11].text ?? "").split(separator: " ").compactMap { Int32($0) })
    }
}
