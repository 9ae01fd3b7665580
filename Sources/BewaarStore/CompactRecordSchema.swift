import GRDB

/// Migration v9: records kept compactly (issue 16: a store that grows by at most three times
/// the originals). After v6 a chat still took about 3.8 times its size, most of it keys repeated
/// in every row and index entry: the case id as text (`2026-0001`), the author's name, the kind's
/// name. Now:
///
/// - Every case has a small number, `cases.no` (given by a trigger when a case is inserted);
///   `messages.case_no` holds it instead of the text `case_id`.
/// - Authors are kept once per case in `authors`; `messages.author_no` points at one.
/// - `messages.kind` holds a code for the common kinds (``StoredKind``).
/// - Indexes: `messages_case_order (case_no, COALESCE(ts, 1e18))` (the row id that SQLite adds to
///   every index entry gives the order within one time; it was stored twice), `messages_author
///   (author_no)` for records with an author instead of `messages_case_author (case_id, author)`
///   (an author number belongs to one case; `author_no = ?` and `IN` find it). `messages_item
///   (item_id, seq)` goes: an item's records are consecutive rows, found from `items.first_record`
///   (see ``ItemRecordRange``; the migration checks every item, one that is not so gets NULL and
///   its records are found by scanning).
///
/// The rows keep their ids (marks and the search index point at them) and every other column, so
/// the records' JSON is rebuilt exactly as before; the full-text index is kept as it is.
enum CompactRecordSchema {
    static func v9(_ db: Database) throws {
        let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages") ?? 0
        try db.execute(
            sql: """
                ALTER TABLE cases ADD COLUMN no INTEGER;
                UPDATE cases SET no = (SELECT COUNT(*) FROM cases c WHERE c.id <= cases.id);
                CREATE UNIQUE INDEX cases_no ON cases(no);
                CREATE TRIGGER cases_number AFTER INSERT ON cases WHEN new.no IS NULL BEGIN
                    UPDATE cases SET no = (SELECT COALESCE(MAX(no), 0) + 1 FROM cases) WHERE id = new.id;
                END;
                CREATE TABLE authors (
                    id INTEGER PRIMARY KEY,
                    case_no INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    UNIQUE (case_no, name)
                );
                INSERT INTO authors (case_no, name)
                    SELECT DISTINCT c.no, m.author FROM messages m JOIN cases c ON c.id = m.case_id
                    WHERE m.author IS NOT NULL ORDER BY 1, 2;
                CREATE TABLE messages_v9 (
                    id INTEGER PRIMARY KEY,
                    item_id INTEGER NOT NULL REFERENCES items(id),
                    case_no INTEGER NOT NULL,
                    seq INTEGER NOT NULL,
                    ts REAL,
                    author_no INTEGER REFERENCES authors(id),
                    kind NOT NULL,
                    text TEXT NOT NULL,
                    origin_line INTEGER,
                    origin_offset INTEGER NOT NULL,
                    origin_length INTEGER NOT NULL,
                    utc_offset INTEGER,
                    rest TEXT,
                    verbatim TEXT
                );
                INSERT INTO messages_v9
                    SELECT m.id, m.item_id, c.no, m.seq, m.ts, a.id, \(StoredKind.encode("m.kind")), m.text, m.origin_line,
                           m.origin_offset, m.origin_length, m.utc_offset, m.rest, m.verbatim
                    FROM messages m JOIN cases c ON c.id = m.case_id LEFT JOIN authors a ON a.case_no = c.no AND a.name = m.author
                    ORDER BY m.id;
                """)
        let after = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages_v9") ?? 0
        guard after == before else {
            throw StoreError(
                .invalidValue,
                nl: "\(before - after) records horen bij geen zaak; de opslag is niet omgezet. Laat de beheerder `bewaar check` draaien.",
                en: "\(before - after) records belong to no case; the store was not converted. Ask the administrator to run `bewaar check`.")
        }
        try db.execute(
            sql: """
                DROP TRIGGER messages_fts_delete;
                DROP TABLE messages;
                ALTER TABLE messages_v9 RENAME TO messages;
                CREATE INDEX messages_author ON messages(author_no) WHERE author_no IS NOT NULL;
                CREATE INDEX messages_case_order ON messages(case_no, COALESCE(ts, 1e18));
                CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
                    INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
                END;
                ALTER TABLE items ADD COLUMN first_record INTEGER DEFAULT 0;
                CREATE TEMP TABLE v9_ranges (item_id INTEGER PRIMARY KEY, first INTEGER, n INTEGER, low INTEGER, high INTEGER,
                                             first_seq INTEGER, last_seq INTEGER);
                INSERT INTO temp.v9_ranges
                    SELECT item_id, MIN(id), COUNT(*), MIN(id - seq), MAX(id - seq), MIN(seq), MAX(seq) FROM messages GROUP BY item_id;
                UPDATE items SET first_record = COALESCE(
                    (SELECT CASE WHEN r.low = r.first AND r.high = r.first AND r.first_seq = 0 AND r.last_seq = r.n - 1
                                      AND r.n = items.message_count THEN r.first END
                     FROM temp.v9_ranges r WHERE r.item_id = items.id),
                    CASE WHEN items.id IN (SELECT item_id FROM temp.v9_ranges) THEN NULL ELSE 0 END);
                DROP TABLE temp.v9_ranges;
                """)
    }

    /// The number of a case (`cases.no`), as a subquery on one bound case id.
    static let caseNo = "(SELECT no FROM cases WHERE id = ?)"
}
