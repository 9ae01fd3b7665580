/// Accounts of the web interface (`bewaar user add`, `bewaar serve`): a name, a role and a
/// password hash (scrypt, made in BewaarAccounts; the store never sees a password), plus the
/// counters for the lock-out after failed logins.
enum AccountSchema {
    static let v3 = """
        CREATE TABLE accounts (
            name TEXT PRIMARY KEY COLLATE NOCASE,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT
        );
        """

    /// The timeline's order (`ts IS NULL, ts, id` within a case) as an index, so a page of the
    /// timeline is read in order instead of sorting every record of the case (185 ms → 3 ms for
    /// the first page of a 100,000-record case; see notes/issue-9.md).
    static let v4TimelineOrder = """
        CREATE INDEX messages_case_order ON messages(case_id, ts IS NULL, ts, id);
        """
}
