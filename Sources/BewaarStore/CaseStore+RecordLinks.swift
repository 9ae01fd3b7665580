import Foundation
import BewaarModel

extension CaseStore {
    /// The records of an item with their row ids and numbers, in the importer's order; with
    /// `localClocks`, only those without a time or whose local time ("HH:MM" in their own
    /// offset) is one of them (a screenshot's shown times: a long export is never read whole).
    public func numberedRecords(item itemID: Int64, localClocks: Set<String>? = nil) throws -> [NumberedRecord] {
        try reading { c in
            let order = try dialect.records.order("m", item: itemID, in: c)
            var arguments: [SQLValue] = [.int(itemID)]
            var clockCondition = ""
            if let localClocks {
                let list = localClocks.sorted()
                arguments += list.map(SQLValue.text)
                clockCondition =
                    " AND (m.ts IS NULL OR \(dialect.expressions.localClock("m.ts", offsetSeconds: "m.utc_offset")) IN ("
                    + list.map { _ in "?" }.joined(separator: ", ") + "))"
            }
            let opener = SealedOpener(sealer)
            var out: [NumberedRecord] = []
            let b = StoredRecord.columnCount
            try c.forEach(
                "SELECT \(StoredRecord.columns), m.id, m.seq FROM messages m WHERE \(dialect.records.condition("m", item: "?1"))\(clockCondition) ORDER BY \(order)",
                arguments
            ) { row in
                guard let message = try StoredRecord.message(from: row, at: 0, opener: opener) else { return }
                let id = try row.read(b, "id", as: Int64.self), seq = try row.read(b + 1, "seq", as: Int64.self)
                out.append(NumberedRecord(id: id, number: seq + 1, message: message))
            }
            return out
        }
    }

    /// The first and last time of an item's records.
    public func timeSpan(item itemID: Int64) throws -> (first: Date, last: Date)? {
        try reading { c in
            guard
                let row = try c.fetchOne(
                    "SELECT MIN(m.ts), MAX(m.ts) FROM messages m WHERE \(dialect.records.condition("m", item: "?1"))", [.int(itemID)]),
                let first = Double(sqlValue: row[0]), let last = Double(sqlValue: row[1])
            else { return nil }
            return (Date(timeIntervalSince1970: first), Date(timeIntervalSince1970: last))
        }
    }

    /// Replaces what was found about the records of `itemID` (a screenshot) with `links`.
    public func replaceRecordLinks(item itemID: Int64, _ links: [RecordLink]) throws {
        try writing { c in
            try c.execute("DELETE FROM record_links WHERE item_id = ?1", [.int(itemID)])
            for l in links {
                try c.execute(
                    """
                    INSERT INTO record_links (record_id, kind, other_item, other_record, score, item_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                    ON CONFLICT (\(dialect.schoolKey)record_id, kind, other_item) DO UPDATE
                    SET other_record = excluded.other_record, score = excluded.score, item_id = excluded.item_id
                    """,
                    [.int(l.recordID), .text(l.kind.rawValue), .int(l.otherItem), l.otherRecord.sqlValue, .int(Int64(l.score)), .int(itemID)])
            }
        }
    }

    /// What was found about the records of a screenshot item.
    public func recordLinks(item itemID: Int64) throws -> [RecordLink] {
        try reading { c in
            try c.fetchAll(RecordLinkRow.self, "SELECT * FROM record_links WHERE item_id = ?1 ORDER BY record_id, kind", [.int(itemID)]).map(\.value)
        }
    }

    /// The links from and to one record: a screenshot's record finds its export record and its
    /// earlier copy; an export's record finds the screenshots that show it.
    public func recordLinks(record recordID: Int64) throws -> [RecordLink] {
        try reading { c in
            try c.fetchAll(
                RecordLinkRow.self, "SELECT * FROM record_links WHERE record_id = ?1 OR other_record = ?1 ORDER BY item_id, record_id",
                [.int(recordID)]
            ).map(\.value)
        }
    }

    /// The item and number (1-based) of a record.
    public func recordNumber(_ recordID: Int64) throws -> (item: Int64, number: Int64)? {
        try reading { c in
            try c.fetchOne("SELECT item_id, seq FROM messages WHERE id = ?1", [.int(recordID)]).flatMap { row in
                guard let item = Int64(sqlValue: row[0]), let seq = Int64(sqlValue: row[1]) else { return nil }
                return (item, seq + 1)
            }
        }
    }
}
