/// The tables of an encrypted store's keys (migration `v12-case-keys`), and the search index an
/// encrypted store uses instead of the plain one.
enum SealingSchema {
    static let v12 = """
        CREATE TABLE store_keys (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            source TEXT NOT NULL,
            salt BLOB,
            rounds INTEGER,
            key_check TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE TABLE case_keys (
            case_id TEXT PRIMARY KEY REFERENCES cases(id),
            wrapped BLOB NOT NULL
        );
        CREATE TABLE object_keys (
            sha256 TEXT NOT NULL,
            case_id TEXT NOT NULL REFERENCES cases(id),
            wrapped BLOB NOT NULL,
            PRIMARY KEY (sha256, case_id)
        ) WITHOUT ROWID;
        CREATE INDEX object_keys_case ON object_keys(case_id);
        """

    /// The search index of an encrypted store: no content of its own (contentless), no word
    /// positions, only the hashed terms of ``SealedSearch``; a deleted record's terms are
    /// computed again from its sealed text to take them out.
    static let sealedIndex = """
        DROP TRIGGER IF EXISTS messages_fts_delete;
        DROP TABLE IF EXISTS messages_fts;
        CREATE VIRTUAL TABLE messages_fts USING fts5(text, content = '', columnsize = 0, detail = none, tokenize = 'ascii');
        INSERT INTO messages_fts (rowid, text) SELECT id, bw_terms(case_no, text) FROM messages;
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, bw_terms(old.case_no, old.text));
        END;
        """
}
