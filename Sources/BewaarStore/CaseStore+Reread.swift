import Foundation
import GRDB
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
        try write { db in
            _ = try fetchCase(db, id)
            let before = try fetchCaseItem(db, id, itemID)
            guard try !Self.isWithdrawn(SQLiteStoreConnection(db), itemID) else {
                throw StoreError(
                    .invalidValue, nl: "Dit bestand is teruggetrokken en wordt niet opnieuw gelezen.",
                    en: "This file was withdrawn and is not read again.")
            }
            let marks = try Row.fetchAll(
                db,
                cached: """
                    SELECT k.message_id, k.case_id, k.reason, k.note, k.by, k.at, m.seq, m.origin_offset, m.origin_length,
                           m.case_no, m.text FROM marks k JOIN messages m ON m.id = k.message_id
                    WHERE \(ItemRecordRange.all(item: "?1"))
                    """, arguments: [itemID]
            ).map { row in
                // Opened now: the records they are on are about to be deleted.
                (
                    row: row, note: try sealer.open(row["note"], case: row["case_id"] as DatabaseValue),
                    text: try sealer.open(row["text"], case: row["case_no"] as DatabaseValue) ?? ""
                )
            }
            try db.execute(
                cached: "DELETE FROM marks WHERE message_id IN (SELECT m.id FROM messages m WHERE \(ItemRecordRange.all(item: "?1")))",
                arguments: [itemID])
            // The delete trigger takes each record out of the search index.
            try db.execute(cached: "DELETE FROM messages AS m WHERE \(ItemRecordRange.all(item: "?1"))", arguments: [itemID])
            try db.execute(cached: "DELETE FROM warnings WHERE item_id = ?", arguments: [itemID])

            let writer = try RecordWriter(db: db, itemID: itemID, caseID: id.description, key: caseKey(id))
            let read = try reading(writer)
            try writer.finish()
            try db.execute(
                cached: "UPDATE items SET format = ?, message_count = ?, warning_count = ?, extra = ? WHERE id = ?",
                arguments: [
                    read.format, writer.count, read.warnings.count,
                    try sealer.seal("items", "extra", case: id.description, JSONValue.object(read.extra).serialized()), itemID,
                ])
            for w in read.warnings {
                try db.execute(
                    cached: "INSERT INTO warnings (item_id, message, line, code) VALUES (?1, ?2, ?3, ?4)",
                    arguments: [itemID, try sealer.seal("warnings", "message", case: id.description, w.message), w.line, w.code])
            }

            var kept = 0, dropped: [String] = []
            for (mark, note, text) in marks {
                let seq: Int64 = mark["seq"]
                let same = try Int64.fetchOne(
                    db,
                    cached: """
                        SELECT m.id FROM messages m WHERE \(ItemRecordRange.condition(item: "?1", low: "?2", high: "?2"))
                          AND m.origin_offset = ?3 AND m.origin_length = ?4 AND m.text = ?5
                        """,
                    arguments: [
                        itemID, seq, mark["origin_offset"] as Int64, mark["origin_length"] as Int64,
                        try sealer.seal("messages", "text", case: id.description, text),
                    ])
                if let same {
                    try db.execute(
                        cached: "INSERT INTO marks (message_id, case_id, reason, note, by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        arguments: [
                            same, id.description, mark["reason"] as String, try sealer.seal("marks", "note", case: id.description, note),
                            mark["by"] as String, mark["at"] as String,
                        ])
                    kept += 1
                } else {
                    dropped.append("\(mark["origin_offset"] as Int64)+\(mark["origin_length"] as Int64)")
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
            try appendEvent(db, chain: id.description, actor: actor, action: .itemReread, details: event)
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

extension CaseStore {
    /// The latest `item-reread` event of an item in case `id` (what a page says after the reading).
    public func lastReread(_ id: CaseID, item itemID: Int64) throws -> CustodyEvent? {
        try read { db in
            let rows = try sealer.fetchAll(
                CustodyEventRow.self, db, table: "custody",
                cached: "SELECT * FROM custody WHERE chain = ? AND action = ? ORDER BY seq DESC LIMIT 50",
                arguments: [id.description, CustodyAction.itemReread.rawValue])
            return rows.lazy.map(\.value).first { $0.details["itemId"] == String(itemID) }
        }
    }

    /// The items of case `id` whose date order is still an open question (their reading warned
    /// `date-order-ambiguous`).
    public func itemsWithOpenDateOrder(_ id: CaseID) throws -> Set<Int64> {
        try read { db in
            Set(
                try Int64.fetchAll(
                    db,
                    cached: """
                        SELECT DISTINCT w.item_id FROM warnings w JOIN items i ON i.id = w.item_id
                        WHERE i.case_id = ? AND w.code = 'date-order-ambiguous'
                        """, arguments: [id.description]))
        }
    }
}
