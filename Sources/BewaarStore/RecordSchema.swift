import Foundation
import GRDB
import BewaarModel
import BewaarJSON

/// Migration v6: records kept once (issue 16). Before it, every record was in `messages` twice —
/// its columns and its whole JSON in `record` — with four indexes and a full-text index over text
/// and author that an insert trigger updated row by row; a 300,000-message chat took 6.5 times its
/// size. Now:
///
/// - `record` gives way to `utc_offset`, `rest` and `verbatim` (see ``StoredRecord``): the JSON
///   is rebuilt from the columns, byte for byte. Each existing record is checked: one whose JSON
///   the columns cannot give back exactly keeps it in `verbatim`.
/// - `messages_case_ts` goes: time ranges use the timeline index `messages_case_order` through
///   `COALESCE(ts, 1e18)`.
/// - The full-text index holds the text only (searches never used the author column), without
///   per-row size statistics (`columnsize=0`: no ranking uses them), and is filled by the ingest
///   in one statement instead of by a trigger.
enum RecordSchema {
    static func v6(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER messages_fts_insert;
            DROP TRIGGER messages_fts_delete;
            DROP TABLE messages_fts;
            DROP INDEX messages_case_ts;
            ALTER TABLE messages ADD COLUMN utc_offset INTEGER;
            ALTER TABLE messages ADD COLUMN rest TEXT;
            ALTER TABLE messages ADD COLUMN verbatim TEXT;
            """)
        let update = try db.makeStatement(sql: "UPDATE messages SET utc_offset = ?, rest = ?, verbatim = ? WHERE id = ?")
        // In batches by id: a batch is read, then updated (no cursor open on the table being changed).
        var after: Int64 = .min
        while true {
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, ts, author, kind, text, origin_line, origin_offset, origin_length, record FROM messages
                WHERE id > ? ORDER BY id LIMIT 4096
                """, arguments: [after])
            guard let last = rows.last else { break }
            after = last["id"]
            for row in rows {
                let (offset, rest, verbatim) = Self.split(row)
                try update.execute(arguments: [offset, rest, verbatim, row["id"] as Int64])
            }
        }
        try db.execute(sql: """
            ALTER TABLE messages DROP COLUMN record;
            CREATE VIRTUAL TABLE messages_fts USING fts5(
                text, content='messages', content_rowid='id', columnsize=0,
                tokenize = "unicode61 remove_diacritics 2"
            );
            CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
                INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
            END;
            INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
            """)
    }

    /// A pre-v6 row's `utc_offset` and `rest`, and its `record` again as `verbatim` when the
    /// columns with these two do not give it back byte for byte.
    static func split(_ row: Row) -> (offset: Int?, rest: String?, verbatim: String?) {
        let record: String = row["record"]
        guard let m = (try? JSONParser.parse(record)).flatMap(Message.init(json:)) else { return (nil, nil, record) }
        let rest = StoredRecord.rest(of: m)
        let offset = m.timestamp?.utcOffsetSeconds
        var rebuilt: [UInt8] = []
        let text: String = row["text"]
        withUTF8(row["author"] as String?) { a in
            withUTF8(text) { t in
                StoredRecord.writeJSON(ts: row["ts"], utcOffset: offset ?? 0, author: a, kind: row["kind"], text: t!,
                                       line: row["origin_line"], offset: row["origin_offset"], length: row["origin_length"],
                                       rest: rest, into: &rebuilt)
            }
        }
        return (offset, rest, rebuilt.elementsEqual(record.utf8) ? nil : record)
    }

    private static func withUTF8<T>(_ s: String?, _ body: (UnsafeBufferPointer<UInt8>?) -> T) -> T {
        guard var s else { return body(nil) }
        return s.withUTF8 { body($0) }
    }
}
