import Foundation
import BewaarModel

extension CustodyAction {
    /// An item's records were read again from its unchanged original with another reading (for
    /// example a date order the mentor confirmed).
    public static let itemReread: CustodyAction = "item-reread"
}

/// What reading an item again changed.
public struct RereadOutcome: Sendable {
    public var item: EvidenceItem
    /// Records before and after.
    public var before: Int
    public var after: Int
    /// Marks that stayed on their record (same place, same bytes, same text) and marks whose
    /// record is no longer there as it was (they are named in the custody event).
    public var marksKept: Int
    public var marksDropped: Int
}

extension CaseStore {
    /// Reads an item of case `id` again from its original, which never changes: its records,
    /// search rows, warnings and format fields are replaced by what `reading` writes and returns,
    /// in one transaction with a custody event `item-reread` (`details` says why, e.g. the date
    /// order chosen). Marks stay on records at the same place in the original with the same text;
    /// others are removed and counted in the event. Files found inside the item are unchanged.
    /// A withdrawn item is not read again.
    public func rereadItem(
        _ id: CaseID, item itemID: Int64, actor: String, details: [String: String],
        reading: (RecordWriter) throws -> ReadEvidence
    ) throws -> RereadOutcome {
        try writing { c in
            _ = try fetchCase(c, id)
            let caseID = SQLValue.text(id.description)
            let before = try fetchCaseItem(c, id, itemID)
            guard try !Self.isWithdrawn(c, itemID) else {
                throw StoreError(
                    .invalidValue, nl: "Dit bestand is teruggetrokken en wordt niet opnieuw gelezen.",
                    en: "This file was withdrawn and is not read again.")
            }
            let records = dialect.records
            let marks = try c.fetch(
                """
                SELECT k.message_id, k.case_id, k.reason, k.note, k.by, k.at, m.seq, m.origin_offset, m.origin_length,
                       m.case_no, m.text FROM marks k JOIN messages m ON m.id = k.message_id
                WHERE \(records.condition("m", item: "?1"))
                """, [.int(itemID)]
            ).map { row in
                // Opened now: the records they are on are about to be deleted.
                (
                    mark: try RereadMark(row: row), note: try sealer.open(row["note"] ?? .null, case: row["case_id"] ?? .null),
                    text: try sealer.open(row["text"] ?? .null, case: row["case_no"] ?? .null) ?? ""
                )
            }
            try c.execute(
                "DELETE FROM marks WHERE message_id IN (SELECT m.id FROM messages m WHERE \(records.condition("m", item: "?1")))", [.int(itemID)])
            // The delete trigger takes each record out of the search index.
            try c.execute("DELETE FROM messages AS m WHERE \(records.condition("m", item: "?1"))", [.int(itemID)])
            try c.execute("DELETE FROM warnings WHERE item_id = ?1", [.int(itemID)])

            let writer = try RecordWriter(c, storage: dialect.records, itemID: itemID, caseNo: try caseNumber(c, id), key: caseKey(id))
            let read = try reading(writer)
            try writer.finish()
            try c.execute(
                "UPDATE items SET format = ?1, message_count = ?2, warning_count = ?3, extra = ?4 WHERE id = ?5",
                [
                    .text(read.format), SQLValue(writer.count), SQLValue(read.warnings.count),
                    try sealer.seal("items", "extra", case: caseID, JSONValue.object(read.extra).serialized()), .int(itemID),
                ])
            try insertWarnings(c, id, itemID: itemID, read.warnings)

            var kept = 0, dropped: [String] = []
            for (mark, note, text) in marks {
                let same = try c.fetchValue(
                    """
                    SELECT m.id FROM messages m WHERE \(records.condition("m", item: "?1", low: "?2", high: "?2"))
                      AND m.origin_offset = ?3 AND m.origin_length = ?4 AND m.text = ?5
                    """,
                    [
                        .int(itemID), .int(mark.seq), .int(mark.offset), .int(mark.length),
                        try sealer.seal("messages", "text", case: caseID, text),
                    ], as: Int64.self)
                if let same {
                    try c.execute(
                        "INSERT INTO marks (message_id, case_id, reason, note, by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        [
                            .int(same), caseID, .text(mark.reason), try sealer.seal("marks", "note", case: caseID, note), .text(mark.by),
                            .text(mark.at),
                        ])
                    kept += 1
                } else {
                    dropped.append("\(mark.offset)+\(mark.length)")
                }
            }

            var event = details
            event["itemId"] = String(itemID)
            event["sha256"] = before.sha256.hex
            event["name"] = before.name
            event["messagesBefore"] = String(before.messageCount)
            event["messages"] = String(writer.count)
            event["warnings"] = String(read.warnings.count)
            if kept > 0 { event["marksKept"] = String(kept) }
            if !dropped.isEmpty {
                event["marksDropped"] = String(dropped.count)
                event["marksDroppedAt"] = dropped.prefix(50).joined(separator: " ")
            }
            try appendEvent(c, chain: id.description, actor: actor, action: .itemReread, details: event)
            try faultBeforeCommit?()
            var item = before
            item.format = read.format
            item.messageCount = writer.count
            item.warningCount = read.warnings.count
            return RereadOutcome(
                item: item, before: before.messageCount, after: writer.count, marksKept: kept,
                marksDropped: dropped.count)
        }
    }
}

/// A mark on a record that is read again: what is kept of it while its record is replaced (its
/// note and the record's text are opened apart).
private struct RereadMark: SQLRecord {
    var reason: String
    var by: String
    var at: String
    var seq: Int64
    var offset: Int64
    var length: Int64

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "marks")
        reason = try r("reason")
        by = try r("by")
        at = try r("at")
        seq = try r("seq")
        offset = try r("origin_offset")
        length = try r("origin_length")
    }
}

extension CaseStore {
    /// The latest `item-reread` event of an item in case `id` (what a page says after the reading).
    public func lastReread(_ id: CaseID, item itemID: Int64) throws -> CustodyEvent? {
        try reading { c in
            let rows = try sealer.fetchAll(
                CustodyEventRow.self, c, table: "custody", "SELECT * FROM custody WHERE chain = ?1 AND action = ?2 ORDER BY seq DESC LIMIT 50",
                [.text(id.description), .text(CustodyAction.itemReread.rawValue)])
            return rows.lazy.map(\.value).first { $0.details["itemId"] == String(itemID) }
        }
    }

    /// The items of case `id` whose date order is still an open question (their reading warned
    /// `date-order-ambiguous`).
    public func itemsWithOpenDateOrder(_ id: CaseID) throws -> Set<Int64> {
        try reading { c in
            Set(
                try c.fetchValues(
                    """
                    SELECT DISTINCT w.item_id FROM warnings w JOIN items i ON i.id = w.item_id
                    WHERE i.case_id = ?1 AND w.code = 'date-order-ambiguous'
                    """, [.text(id.description)], as: Int64.self))
        }
    }
}
