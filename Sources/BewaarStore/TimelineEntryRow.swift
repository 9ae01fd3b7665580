import GRDB
import BewaarModel

// The hot record paths as record types: the timeline, record windows and an item's records are
// read BY POSITION (a lookup by column name lowercases and compares every column name: a tenth
// of a timeline page's time); sealed columns are opened in Swift by one ``SealedOpener`` per
// fetch.

/// A row selected as the timeline selects it (`m.id, m.item_id`, ``StoredRecord/columns``,
/// `hl, item_name, item_sha`, the mark's four columns, and for record windows `m.seq` last),
/// read by position through ``CaseStore/entry(from:at:opener:)``.
struct TimelineEntryRow {
    /// How many columns the timeline selects before an optional `m.seq`.
    static let columnCount = 2 + StoredRecord.columnCount + 3 + 4

    /// The columns the timeline selects, with `highlight` as `hl` (an SQL expression: `NULL`, or
    /// FTS5's `highlight()`), from `messages m JOIN items i … LEFT JOIN marks k …`.
    static func columns(highlight: String = "NULL") -> String {
        """
        m.id, m.item_id, \(StoredRecord.columns), \(highlight) AS hl, i.name AS item_name, i.sha256 AS item_sha,
               k.reason AS mark_reason, k.note AS mark_note, k.by AS mark_by, k.at AS mark_at
        """
    }

    /// The joins ``columns(highlight:)`` reads from, after `messages m`.
    static let joins = "JOIN items i ON i.id = m.item_id LEFT JOIN marks k ON k.message_id = m.id"

    /// The entry; nil for a record whose stored JSON cannot be read (left out, as always).
    var value: TimelineEntry?
    /// `m.seq`, when the query selects it after the timeline's columns (record windows).
    var sequence: Int64?

    init(row: any SQLRow, opener: SealedOpener) throws {
        value = try CaseStore.entry(from: row, opener: opener)
        sequence = row.count > Self.columnCount ? try row.read(Self.columnCount, "seq", as: Int64.self) : nil
    }

    /// The rows `sql` selects (the timeline's columns), their sealed columns opened with `sealer`.
    static func fetchAll(_ c: any StoreConnection, _ sql: String, _ arguments: [SQLValue], sealer: Sealer) throws -> [TimelineEntryRow] {
        let opener = SealedOpener(sealer)
        var out: [TimelineEntryRow] = []
        try c.forEach(sql, arguments) { out.append(try TimelineEntryRow(row: $0, opener: opener)) }
        return out
    }
}

/// A row of ``StoredRecord/columns`` as a ``Message``, read by position; nil for a record whose
/// stored JSON cannot be read (left out, as always).
enum MessageRow {
    /// The records `sql` selects (``StoredRecord/columns`` first), their sealed columns opened
    /// with `sealer`; records whose stored JSON cannot be read are left out.
    static func fetchAll(_ db: Database, cached sql: String, arguments: StatementArguments, sealer: Sealer) throws -> [Message] {
        let opener = SealedOpener(sealer)
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var out: [Message] = []
        while let row = try rows.next() {
            if let m = try StoredRecord.message(from: row, opener: opener) { out.append(m) }
        }
        return out
    }
}
