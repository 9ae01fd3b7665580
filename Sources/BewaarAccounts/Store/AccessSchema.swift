/// Who may read which case, and the security log (migration v5).
///
/// Access to a case follows an explicit link between an account and a staff role on that case
/// (mentor, afdelingsleider, ondersteuningscoördinator), made by someone allowed to make it,
/// logged in the case's custody chain and revocable. Persons on a case (pupils, parents,
/// witnesses, even staff persons) never grant access by their name.
///
/// The security log holds what anonymous visitors cause (failed logins, locks, throttling):
/// bounded in rows and field sizes, outside the hash-chained custody log, so nobody can grow
/// the permanent record from the login page.
enum AccessSchema {
    static let v5 = """
        CREATE TABLE case_access (
            id INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id),
            account TEXT NOT NULL COLLATE NOCASE,
            role TEXT NOT NULL,
            granted_by TEXT NOT NULL,
            granted_at TEXT NOT NULL,
            reason TEXT,
            escalation_id INTEGER REFERENCES escalations(id),
            revoked_by TEXT,
            revoked_at TEXT,
            revoke_reason TEXT,
            logged INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX case_access_account ON case_access(account, case_id);
        CREATE INDEX case_access_case ON case_access(case_id);
        ALTER TABLE escalations ADD COLUMN undone_by TEXT;
        ALTER TABLE escalations ADD COLUMN undone_at TEXT;
        ALTER TABLE escalations ADD COLUMN undo_reason TEXT;
        ALTER TABLE accounts ADD COLUMN disabled_at TEXT;
        ALTER TABLE accounts ADD COLUMN setup_code_sha256 TEXT;
        ALTER TABLE accounts ADD COLUMN setup_code_until TEXT;
        ALTER TABLE accounts ADD COLUMN setup_code_by TEXT;
        CREATE TABLE security_log (
            id INTEGER PRIMARY KEY,
            time TEXT NOT NULL,
            kind TEXT NOT NULL,
            account TEXT,
            source TEXT,
            detail TEXT
        );
        -- Stores made before v5 gave access by a matching name. Keep what was a staff person
        -- with an account of the same role (nothing else), as explicit links the store then
        -- logs in each case's chain (logged = 0 until it has).
        INSERT INTO case_access (case_id, account, role, granted_by, granted_at, reason, logged)
            SELECT DISTINCT p.case_id, a.name, a.role, 'bewaar', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                   'overgenomen bij de overstap op expliciete toegang: ' || p.role || ' op de zaak', 0
            FROM people p JOIN accounts a ON a.name = p.name COLLATE NOCASE AND a.role = p.role
            WHERE p.role IN ('mentor', 'afdelingsleider', 'ondersteuningscoordinator');
        """
}
