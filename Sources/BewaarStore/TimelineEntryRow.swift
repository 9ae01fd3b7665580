import GRDB
import BewaarModel

// The hot record paths as record types: the timeline, record windows and an item's records are
// read BY POSITION (a lookup by column name lowercases and compares every column name: a tenth
// of a timeline page's time). Fetched as records, each row is read in place from the statement
// instead of being copied into a `Row` first.

/// A row selected as the timeline selects it (`m.id, m.item_id`, ``StoredRecord/columns``,
/// `hl, item_name, item_sha`, the mark's four columns, and for record windows `m.seq` last),
/// read by position through ``CaseStore/entry(from:)``.
struct TimelineEntryRow: FetchableRecord {
    /// How many columns the timeline selects before an optional `m.seq`.
    static let columnCount = 2 + StoredRecord.columnCount + 3 + 4

    /// The entry; nil for a record whose stored JSON cannot be read (left out, as always).
    var value: TimelineEntry?
    /// `m.seq`, when the query selects it after the timeline's columns (record windows).
    var sequence: Int64?

    init(row: Row) {
        value = CaseStore.entry(from: row)
        sequence = row.count > Self.columnCount ? row[Self.columnCount] : nil
    }
}

/// A row of ``StoredRecord/columns`` as a ``Message``, read by position; nil for a record whose
/// stored JSON cannot be read (left out, as always).
struct MessageRow: FetchableRecord {
    var value: Message?

    init(row: Row) {
        value = StoredRecord.message(from: row)
    }
}
