/// Migration v4 (shipped as `v4-web-sessions-language`): each account's language, and the
/// browser sessions (so a restart of `bewaar serve` signs nobody out). A session row holds only
/// the SHA-256 of the session id, never the id itself: whoever reads the database cannot take
/// over a session.
enum SessionSchema {
    static let v4 = """
        ALTER TABLE accounts ADD COLUMN language TEXT NOT NULL DEFAULT 'nl';
        CREATE TABLE web_sessions (
            id_sha256 TEXT PRIMARY KEY,
            account TEXT COLLATE NOCASE,
            csrf TEXT NOT NULL,
            created TEXT NOT NULL,
            last_seen TEXT NOT NULL
        );
        CREATE INDEX web_sessions_last_seen ON web_sessions(last_seen);
        CREATE INDEX web_sessions_created ON web_sessions(created);
        """
}
