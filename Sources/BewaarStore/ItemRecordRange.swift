import GRDB

/// Where an item's records are in `messages` since migration v9, which dropped the index on item
/// and sequence number (`messages_item`, a seventh of what a chat took in the store).
///
/// An item's records get consecutive row ids in their order (``RecordWriter`` writes them in one
/// go), so `items.first_record` — the id of the record with sequence number 0 — finds any of them:
/// sequence number `s` is row `first_record + s`, a look-up by row id. `first_record` is 0 for
/// an item without records and NULL for one whose records a store made before v9 does not hold so
/// (the migration checks each item); such an item's records are found by scanning, slower but the
/// same records.
enum ItemRecordRange {
    /// The SQL condition on the records (alias `m`) of the item bound as `item` whose sequence
    /// numbers are from `low` to `high` (SQL expressions, e.g. numbered parameters).
    static func condition(_ m: String = "m", item: String, low: String, high: String) -> String {
        let first = "(SELECT first_record FROM items WHERE id = \(item))"
        return """
            \(m).item_id = \(item) AND \(m).seq BETWEEN \(low) AND \(high) \
            AND \(m).id BETWEEN COALESCE(\(first) + (\(low)), \(Int64.min + 1)) AND COALESCE(\(first) + (\(high)), \(Int64.max))
            """
    }

    /// The SQL condition on all records (alias `m`) of the item bound as `item`: by row id for an
    /// item whose records are consecutive (`message_count` of them from `first_record`).
    static func all(_ m: String = "m", item: String) -> String {
        let first = "(SELECT first_record FROM items WHERE id = \(item))"
        let last = "(SELECT first_record + message_count - 1 FROM items WHERE id = \(item))"
        return "\(m).item_id = \(item) AND \(m).id BETWEEN COALESCE(\(first), \(Int64.min + 1)) AND COALESCE(\(last), \(Int64.max))"
    }

    /// Whether the item's records are consecutive rows in their order (so `ORDER BY m.id` is their order).
    static func isConsecutive(_ c: any StoreConnection, item: Int64) throws -> Bool {
        try c.fetchValue("SELECT first_record FROM items WHERE id = ?1", [.int(item)], as: Int64.self) != nil
    }

    /// ``isConsecutive(_:item:)`` for code still on GRDB.
    static func isConsecutive(_ db: Database, item: Int64) throws -> Bool { try isConsecutive(SQLiteStoreConnection(db), item: item) }
}
