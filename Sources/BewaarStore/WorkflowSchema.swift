/// Tables for the case workflow (talks, escalation, identities, observations, statements,
/// marks) and the full-text index of records.
enum WorkflowSchema {
    static let v2 = """
        CREATE TABLE talks (
            id INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id),
            held_on TEXT NOT NULL,
            participants TEXT NOT NULL,
            with_whom TEXT NOT NULL,
            summary TEXT NOT NULL,
            agreements TEXT NOT NULL,
            follow_up TEXT,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE TABLE escalations (
            id INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id),
            to_name TEXT NOT NULL,
            reason TEXT NOT NULL,
            note TEXT,
            by TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE TABLE handles (
            id INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id),
            person_id INTEGER NOT NULL REFERENCES people(id),
            value TEXT NOT NULL,
            kind TEXT NOT NULL,
            profile_url TEXT,
            UNIQUE (case_id, value)
        );
        CREATE TABLE observations (
            id INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id),
            kind TEXT NOT NULL,
            sender TEXT,
            recipients TEXT,
            seen_when TEXT,
            place TEXT,
            description TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id),
            kind TEXT NOT NULL,
            person TEXT NOT NULL,
            given_on TEXT NOT NULL,
            text TEXT NOT NULL,
            since TEXT,
            effect TEXT,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE TABLE marks (
            message_id INTEGER PRIMARY KEY REFERENCES messages(id),
            case_id TEXT NOT NULL REFERENCES cases(id),
            reason TEXT NOT NULL,
            note TEXT,
            by TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX messages_case_author ON messages(case_id, author);
        CREATE INDEX messages_case_order ON messages(case_id, COALESCE(ts, 1e18), id);
        CREATE VIRTUAL TABLE messages_fts USING fts5(
            text, author, content='messages', content_rowid='id',
            tokenize = "unicode61 remove_diacritics 2"
        );
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
            INSERT INTO messages_fts(rowid, text, author) VALUES (new.id, new.text, new.author);
        END;
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
            INSERT INTO messages_fts(messages_fts, rowid, text, author) VALUES ('delete', old.id, old.text, old.author);
        END;
        INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
        """
}
