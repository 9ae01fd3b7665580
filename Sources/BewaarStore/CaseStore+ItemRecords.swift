import Foundation
import BewaarModel

/// Where a window of an item's records starts.
public enum RecordPosition: Sendable, Hashable {
    /// The item's first records.
    case start
    /// The records from this sequence number on.
    case from(Int64)
    /// The records just before this sequence number.
    case before(Int64)
    /// A window that holds this record, with a few records before it.
    case around(messageID: Int64)
}

/// Consecutive records of one item in the importer's order (a chat as it was written), with
/// their sequence numbers for the links to the windows before and after it.
public struct RecordWindow: Sendable {
    public var entries: [TimelineEntry]
    /// The sequence number of each entry, in the same order.
    public var sequence: [Int64]
    /// Whether records come before the first entry.
    public var hasEarlier: Bool
    /// Whether records come after the last entry.
    public var hasLater: Bool
}

extension CaseStore {
    /// A window of at most `limit` (1…1000) records of an item, found by item and sequence
    /// number as row ids (``ItemRecordRange``; keyset, never OFFSET): as fast at the end of a
    /// 100,000-message chat as at its start. A record that is not in the item gives the start.
    public func records(item itemID: Int64, at position: RecordPosition, limit: Int) throws -> RecordWindow {
        let n = max(1, min(1000, limit))
        let select = "SELECT \(TimelineEntryRow.columns()), m.seq FROM messages m \(TimelineEntryRow.joins)"
        // The records with sequence numbers ?2 to ?3 (a window of n + 1: one more tells whether more follow).
        let window = dialect.records.condition("m", item: "?1", low: "?2", high: "?3")
        return try reading { c in
            var rows: [TimelineEntryRow]
            var backwards = false
            switch position {
            case .before(let seq):
                rows = try TimelineEntryRow.fetchAll(
                    c, select + " WHERE \(window) ORDER BY m.seq DESC LIMIT \(n + 1)",
                    [.int(itemID), .int(Self.bounded(seq) - Int64(n) - 1), .int(Self.bounded(seq) - 1)], sealer: sealer)
                backwards = true
            case .start, .from, .around:
                var first: Int64 = 0
                if case .from(let seq) = position { first = max(0, Self.bounded(seq)) }
                if case .around(let messageID) = position,
                    let seq = try c.fetchValue(
                        "SELECT seq FROM messages WHERE id = ?1 AND item_id = ?2", [.int(messageID), .int(itemID)], as: Int64.self)
                {
                    // Five records of context before it (sequence numbers come from the store, never below 0).
                    first = max(0, seq - 5)
                }
                rows = try TimelineEntryRow.fetchAll(
                    c, select + " WHERE \(window) ORDER BY m.seq LIMIT \(n + 1)", [.int(itemID), .int(first), .int(first + Int64(n))], sealer: sealer)
            }
            let more = rows.count > n
            rows = Array(rows.prefix(n))
            if backwards { rows.reverse() }
            var entries: [TimelineEntry] = []
            var sequence: [Int64] = []
            for row in rows {
                guard var e = row.value, let seq = row.sequence else { continue }
                e.highlighted = nil
                entries.append(e)
                sequence.append(seq)
            }
            // Sequence numbers run from 0 without gaps: a record before or after is the one next to it.
            func exists(_ condition: String, _ seq: Int64) throws -> Bool {
                let next = condition == "<" ? seq - 1 : seq + 1
                let sql = "SELECT 1 FROM messages m WHERE \(dialect.records.condition("m", item: "?1", low: "?2", high: "?2")) LIMIT 1"
                return try c.fetchOne(sql, [.int(itemID), .int(next)]) != nil
            }
            guard let firstSeq = sequence.first, let lastSeq = sequence.last else {
                return RecordWindow(entries: [], sequence: [], hasEarlier: false, hasLater: false)
            }
            return RecordWindow(
                entries: entries, sequence: sequence,
                hasEarlier: backwards ? more : try exists("<", firstSeq),
                hasLater: backwards ? try exists(">", lastSeq) : more)
        }
    }

    /// A sequence number from outside (a link) within what a store can hold, so no arithmetic on
    /// it overflows.
    private static func bounded(_ seq: Int64) -> Int64 { min(max(seq, -1), 1 << 53) }

    /// The distinct authors of an item's records, sorted (at most `limit`). Walks the case's
    /// authors (`authors`, sorted by its unique index) and looks each up in the item through the
    /// author index (`messages_author`), so a 100,000-message chat with twenty authors costs
    /// twenty index look-ups, not a scan.
    public func authors(item itemID: Int64, limit: Int = 200) throws -> [String] {
        let inItem = Self.authorInItemSQL(indexHints: dialect.indexHints)
        return try reading { c in
            // The case's authors by name (opened in Swift, compared as SQLite's BINARY does: by UTF-8 bytes).
            let candidates = try c.fetch(
                """
                SELECT a.id, a.name, a.case_no FROM items i JOIN cases c ON c.id = i.case_id JOIN authors a ON a.case_no = c.no
                WHERE i.id = ?1
                """, [.int(itemID)]
            ).map { row in (id: try row.read(0, "id", table: "authors", as: Int64.self), name: try sealer.open(row[1], case: row[2]) ?? "") }
                .sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
            var out: [String] = []
            var looked = 0
            for author in candidates {
                guard out.count < limit, looked < 10 * limit else { break }
                looked += 1
                if try c.fetchOne(inItem, [.int(author.id), .int(itemID)]) != nil { out.append(author.name) }
            }
            return out
        }
    }

    /// Whether author `?1` wrote a record of item `?2`: one look-up in `messages_author`, named
    /// on SQLite (``StoreDialect/indexHints``), whose statistics make it scan the table instead
    /// when one author wrote (nearly) every record.
    static func authorInItemSQL(indexHints: Bool) -> String {
        "SELECT 1 FROM messages\(indexHints ? " INDEXED BY messages_author" : "") WHERE author_no = ?1 AND item_id = ?2 LIMIT 1"
    }

    /// The contained items (zip members, mail parts) of an item with these digests, by digest.
    public func containedItems(of itemID: Int64, sha256: [SHA256Digest]) throws -> [SHA256Digest: EvidenceItem] {
        guard !sha256.isEmpty else { return [:] }
        let unique = Array(Set(sha256.map(\.hex))).prefix(500)
        return try reading { c in
            let rows = try sealer.fetchAll(
                ItemRow.self, c, table: "items",
                "SELECT * FROM items WHERE parent_id = ?1 AND sha256 IN (" + unique.indices.map { "?\($0 + 2)" }.joined(separator: ",")
                    + ") ORDER BY id",
                [.int(itemID)] + unique.map(SQLValue.text))
            var out: [SHA256Digest: EvidenceItem] = [:]
            for item in rows.map(\.value) where out[item.sha256] == nil { out[item.sha256] = item }
            return out
        }
    }
}

extension CaseStore {
    /// The contained item of `itemID` at `path` inside it (a zip member such as `_chat.txt`),
    /// if there is one: where a record's bytes are when its origin names a part.
    public func containedItem(of itemID: Int64, path: String) throws -> EvidenceItem? {
        try reading { c in
            // A contained item is of its parent's case: the path is sealed with that case's key.
            guard let caseID = try c.fetchValue("SELECT case_id FROM items WHERE id = ?1", [.int(itemID)], as: String.self) else { return nil }
            return try sealer.fetchOne(
                ItemRow.self, c, table: "items", "SELECT * FROM items WHERE parent_id = ?1 AND path_in_parent = ?2 ORDER BY id LIMIT 1",
                [.int(itemID), try sealer.seal("items", "path_in_parent", case: .text(caseID), path)])?.value
        }
    }
}
