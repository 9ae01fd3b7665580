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
}
