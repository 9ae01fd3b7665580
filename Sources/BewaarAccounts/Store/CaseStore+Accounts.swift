import Foundation
import BewaarStore
import BewaarModel

/// One stored account of the web interface.
public struct StoredAccount: Sendable, Hashable {
    public var name: String
    /// The role id (`mentor`, `afdelingsleider`, …); BewaarAccounts gives it meaning.
    public var role: String
    /// The encoded password hash (never a password); `!` while no password is set.
    public var passwordHash: String
    public var createdAt: Date
    public var failedLogins: Int
    public var lockedUntil: Date?
    /// The language of the web pages for this account (`nl` or `en`; Dutch unless changed).
    public var language: String
    /// Set while the account is disabled (staff on leave): no login, no sessions.
    public var disabledAt: Date?
    /// Until when a set-password code made by a beheerder is valid (nil when there is none).
    public var setupCodeUntil: Date?
    /// Who made that code.
    public var setupCodeBy: String?
    /// The e-mail address the beheerder gave (a verified address from the school's provider
    /// finds the account by it), nil when none.
    public var email: String? = nil
    /// The school provider's subject, stored at the first sign-in with a school account.
    public var oidcSubject: String? = nil
    /// The issuer of that subject.
    public var oidcIssuer: String? = nil
}

extension CustodyAction {
    public static let accountAdded: CustodyAction = "account-added"
    public static let accountChanged: CustodyAction = "account-changed"
    public static let passwordResetForced: CustodyAction = "password-reset-forced"
    public static let passwordSet: CustodyAction = "password-set"
    public static let passwordChanged: CustodyAction = "password-changed"
    public static let accountDisabled: CustodyAction = "account-disabled"
    public static let accountEnabled: CustodyAction = "account-enabled"
    public static let accountRemoved: CustodyAction = "account-removed"
}

extension CaseStore {
    /// Longest account name accepted.
    public static let accountNameLimit = 100

    static func checkedAccountName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw StoreError(.invalidValue, nl: "Een account heeft een naam nodig.", en: "An account needs a name.")
        }
        guard trimmed.count <= accountNameLimit, !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw StoreError(
                .invalidValue,
                nl: "Een accountnaam is hoogstens \(accountNameLimit) tekens, zonder regeleinden of stuurtekens.",
                en: "An account name is at most \(accountNameLimit) characters, without line breaks or control characters.")
        }
        return trimmed
    }

    /// Adds an account with a password, or replaces the role and password of an existing one
    /// (custody event `account-added` / `account-changed` in the store chain, without the hash).
    /// Changing the password of an existing account ends its sessions. For `bewaar user add`,
    /// run by whoever runs the server; the web's beheerder never sets a password.
    public func saveAccount(name: String, role: String, passwordHash: String, actor: String) throws {
        let trimmed = try Self.checkedAccountName(name)
        // Retryable: on PostgreSQL a concurrent save of the same new name takes the key first;
        // the second run then sees the account and changes it (see `StoreDatabase.write`).
        try writing(retryable: true) { c in
            let exists = try AccountsTable.exists(c, trimmed)
            if exists {
                try c.execute(
                    """
                    UPDATE accounts SET role = ?2, password_hash = ?3, failed_logins = 0, locked_until = NULL, setup_code_sha256 = NULL,
                        setup_code_until = NULL
                    WHERE \(AccountsTable.byName)
                    """, [.text(trimmed), .text(role), .text(passwordHash)])
                try AccountsTable.endSessions(c, of: trimmed)
            } else {
                try c.execute(
                    "INSERT INTO accounts (name, role, password_hash, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)",
                    [.text(trimmed), .text(role), .text(passwordHash), .text(now().stored), .text(actor)])
            }
            try appendEvent(
                c, chain: Self.storeChain, actor: actor, action: exists ? .accountChanged : .accountAdded,
                details: ["account": trimmed, "role": role])
        }
    }

    /// Adds an account without a password: its owner sets one with the code whose SHA-256 is
    /// given, before `until` (custody event `account-added`). An existing name is an error.
    public func createAccount(name: String, role: String, setupCodeSHA256: String, until: Date, actor: String) throws {
        let trimmed = try Self.checkedAccountName(name)
        // Retryable: a concurrent creation of the same name on PostgreSQL gets this message on its
        // second run, not the server's unique-key error.
        try writing(retryable: true) { c in
            guard try !AccountsTable.exists(c, trimmed) else {
                throw StoreError(.invalidValue, nl: "Er is al een account \(trimmed).", en: "There already is an account \(trimmed).")
            }
            try AccountsTable.insert(c, name: trimmed, role: role, setupCodeSHA256: setupCodeSHA256, until: until, at: now(), by: actor)
            try appendEvent(
                c, chain: Self.storeChain, actor: actor, action: .accountAdded,
                details: ["account": trimmed, "role": role, "setupCodeUntil": until.stored])
        }
    }

    /// Forces a new password: the old one stops working, every session of the account ends, and
    /// only the code whose SHA-256 is given sets a new one (custody event `password-reset-forced`).
    public func forcePasswordReset(name: String, setupCodeSHA256: String, until: Date, actor: String) throws {
        try writing { c in
            let changed = try c.execute(
                """
                UPDATE accounts SET password_hash = '!', setup_code_sha256 = ?2, setup_code_until = ?3, setup_code_by = ?4,
                    failed_logins = 0, locked_until = NULL WHERE \(AccountsTable.byName)
                """, [.text(name), .text(setupCodeSHA256), .text(until.stored), .text(actor)])
            guard changed == 1 else { throw Self.noAccount(name) }
            try AccountsTable.endSessions(c, of: name)
            try appendEvent(
                c, chain: Self.storeChain, actor: actor, action: .passwordResetForced,
                details: ["account": name, "setupCodeUntil": until.stored])
        }
    }

    /// Sets the password with a valid set-password code, in one conditional update (a code works
    /// once, before it expires, on an account that is not disabled). Returns false otherwise.
    public func completePasswordSetup(name: String, setupCodeSHA256: String, passwordHash: String) throws -> Bool {
        try writing { c in
            let by = try c.fetchValue("SELECT setup_code_by FROM accounts WHERE \(AccountsTable.byName)", [.text(name)], as: String.self)
            let changed = try c.execute(
                """
                UPDATE accounts SET password_hash = ?2, setup_code_sha256 = NULL, setup_code_until = NULL, setup_code_by = NULL,
                    failed_logins = 0, locked_until = NULL
                WHERE \(AccountsTable.byName) AND setup_code_sha256 = ?3 AND setup_code_until > ?4 AND disabled_at IS NULL
                """, [.text(name), .text(passwordHash), .text(setupCodeSHA256), .text(now().stored)])
            guard changed == 1, let stored = try AccountsTable.storedName(c, name) else { return false }
            try AccountsTable.endSessions(c, of: stored)
            try appendEvent(
                c, chain: Self.storeChain, actor: stored, action: .passwordSet,
                details: ["account": stored, "codeMadeBy": by ?? "—"])
            return true
        }
    }

    /// Replaces the password hash of an account that changes its own password (custody event
    /// `password-changed`), ending every session of it except `keepSession` (the one in use).
    public func changePassword(name: String, passwordHash: String, keepSession: String?) throws {
        try writing { c in
            let changed = try c.execute(
                "UPDATE accounts SET password_hash = ?2 WHERE \(AccountsTable.byName)", [.text(name), .text(passwordHash)])
            guard changed == 1 else { throw Self.noAccount(name) }
            try AccountsTable.endSessions(c, of: name, except: keepSession)
            try appendEvent(c, chain: Self.storeChain, actor: name, action: .passwordChanged, details: ["account": name])
        }
    }

    /// Replaces a hash by a stronger one of the same password (at login), only if it is unchanged.
    public func upgradePasswordHash(name: String, from old: String, to new: String) throws {
        try writing { c in
            _ = try c.execute(
                "UPDATE accounts SET password_hash = ?2 WHERE \(AccountsTable.byName) AND password_hash = ?3",
                [.text(name), .text(new), .text(old)])
        }
    }

    /// Disables or enables an account. Disabling ends every session of it at once.
    public func setDisabled(_ disabled: Bool, account name: String, actor: String) throws {
        try writing { c in
            if disabled {
                try c.execute(
                    "UPDATE accounts SET disabled_at = ?2 WHERE \(AccountsTable.byName) AND disabled_at IS NULL",
                    [.text(name), .text(now().stored)])
            } else {
                try c.execute(
                    "UPDATE accounts SET disabled_at = NULL, failed_logins = 0, locked_until = NULL WHERE \(AccountsTable.byName)",
                    [.text(name)])
            }
            guard try c.fetchValue("SELECT COUNT(*) FROM accounts WHERE \(AccountsTable.byName)", [.text(name)], as: Int.self) ?? 0 == 1
            else {
                throw Self.noAccount(name)
            }
            try AccountsTable.endSessions(c, of: name)
            try appendEvent(
                c, chain: Self.storeChain, actor: actor, action: disabled ? .accountDisabled : .accountEnabled,
                details: ["account": name])
        }
    }

    /// Removes an account (staff who left): its sessions end and every access link it had is
    /// revoked in the case's own log. A new account with the same name starts without access.
    public func removeAccount(_ name: String, actor: String) throws {
        try writing { c in
            guard let stored = try AccountsTable.storedName(c, name) else {
                throw Self.noAccount(name)
            }
            for link in try c.fetchAll(
                CaseAccessRow.self, "SELECT * FROM case_access WHERE lower(account) = lower(?1) AND revoked_at IS NULL ORDER BY case_id, id",
                [.text(stored)])
            {
                try revoke(c, link.value, actor: actor, reason: "account verwijderd")
            }
            try AccountsTable.endSessions(c, of: stored)
            try c.execute("DELETE FROM accounts WHERE \(AccountsTable.byName)", [.text(stored)])
            try appendEvent(c, chain: Self.storeChain, actor: actor, action: .accountRemoved, details: ["account": stored])
        }
    }

    static func noAccount(_ name: String) -> StoreError {
        StoreError(
            .invalidValue, nl: "Account \(name) bestaat niet (meer). Vraag de beheerder.",
            en: "Account \(name) does not exist (any more). Ask the administrator.")
    }

    /// The account with this name (case-insensitive), or nil.
    public func account(named name: String) throws -> StoredAccount? {
        try reading { c in try AccountsTable.named(c, name) }
    }

    /// Every account, by name.
    public func accounts() throws -> [StoredAccount] {
        try reading { c in try c.fetchAll(AccountRow.self, "SELECT * FROM accounts ORDER BY lower(name), name").map(\.value) }
    }

    /// Sets the language of the web pages for an account (custody event `account-setting-changed`
    /// in the store chain).
    public func setLanguage(_ language: String, account name: String, actor: String) throws {
        try writing { c in
            let changed = try c.execute("UPDATE accounts SET language = ?2 WHERE \(AccountsTable.byName)", [.text(name), .text(language)])
            guard changed == 1 else { throw Self.noAccount(name) }
            try appendEvent(
                c, chain: Self.storeChain, actor: actor, action: "account-setting-changed",
                details: ["account": name, "language": language])
        }
    }

    /// Records a failed login of an existing account in one conditional update: the count goes
    /// up, and from `threshold` failures on the account is locked until `lockSeconds` from now.
    /// A failure never shortens or clears a lock that a parallel failure set. The failure goes to
    /// the bounded security log, not to the custody log. Returns the lock time, if locked.
    @discardableResult
    public func recordFailedLogin(name: String, threshold: Int, lockSeconds: TimeInterval, source: String) throws -> Date? {
        try writing { c in
            let at = now()
            let lockEnd = at.addingTimeInterval(lockSeconds).stored
            guard
                let row = try c.fetchOne(
                    """
                    UPDATE accounts SET failed_logins = failed_logins + 1,
                        locked_until = CASE
                            WHEN failed_logins + 1 >= ?2 AND (locked_until IS NULL OR locked_until < ?3) THEN ?3
                            ELSE locked_until END
                    WHERE \(AccountsTable.byName) RETURNING name, failed_logins, locked_until
                    """, [.text(name), SQLValue(threshold), .text(lockEnd)])
            else { return nil }
            let r = StoredRow(row, table: "accounts", key: "name")
            let failures: Int = try r("failed_logins")
            let locked = try r.lenientDate("locked_until").flatMap { $0 > at ? $0 : nil }
            try SecurityLogTable.append(
                c, at: now(), kind: locked == nil ? "login-failed" : "account-locked", account: try r("name"), source: source,
                detail: "failures: \(failures)" + (locked.map { ", locked until \($0.stored)" } ?? ""))
            return locked
        }
    }

    /// Records a successful login, only if the account is (still) not locked or disabled: clears
    /// the failure count (custody event `login`). Returns false, changing nothing, when a parallel
    /// failure locked the account after the password was checked.
    public func recordLogin(name: String, source: String) throws -> Bool {
        try writing { c in
            try actForSchool(ofAccount: name, c)
            let changed = try c.execute(
                """
                UPDATE accounts SET failed_logins = 0, locked_until = NULL
                WHERE \(AccountsTable.byName) AND disabled_at IS NULL AND (locked_until IS NULL OR locked_until <= ?2)
                """, [.text(name), .text(now().stored)])
            guard changed == 1 else { return false }
            try appendEvent(c, chain: Self.storeChain, actor: name, action: "login", details: ["source": StoredText.bounded(source, limit: 100)])
            return true
        }
    }

    /// On a board's database, when the store acts for no school (the sign-in pages of `bewaar
    /// serve --database`), acts for the school of account `name` for the rest of transaction `c`,
    /// so that its sign-in is logged in that school's `store` chain. Nothing on SQLite, or when the
    /// store acts for a school (its own accounts are the only ones it sees).
    func actForSchool(ofAccount name: String, _ c: any StoreConnection) throws {
        guard dialect.hasSchools else { return }
        try c.execute(
            """
            SELECT set_config('bewaar.school', school_id::text, true) FROM accounts
            WHERE \(AccountsTable.byName) AND school_id IS NOT NULL AND bewaar_school() IS NULL
            """, [.text(name)])
    }

    /// Appends an access event (a page view, a download, a refusal) to a case's chain or to the
    /// store chain. Front ends call this so the log says who looked at what, when.
    @discardableResult
    public func recordAccess(chain: String, actor: String, action: CustodyAction, details: [String: String]) throws -> CustodyEvent {
        try writing { c in
            if chain != Self.storeChain, let id = CaseID(chain) { _ = try fetchCase(c, id) }
            return try appendEvent(c, chain: chain, actor: actor, action: action, details: details)
        }
    }
}
