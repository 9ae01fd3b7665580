import Foundation
import GRDB
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
            throw StoreError(.invalidValue,
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
        try write { db in
            let exists = try Int.fetchOne(db, cached: "SELECT COUNT(*) FROM accounts WHERE name = ?", arguments: [trimmed]) ?? 0 > 0
            try db.execute(cached: """
                INSERT INTO accounts (name, role, password_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash,
                    failed_logins = 0, locked_until = NULL, setup_code_sha256 = NULL, setup_code_until = NULL
                """, arguments: [trimmed, role, passwordHash, now().stored, actor])
            if exists { try db.execute(cached: "DELETE FROM web_sessions WHERE account = ?", arguments: [trimmed]) }
            try appendEvent(db, chain: Self.storeChain, actor: actor, action: exists ? .accountChanged : .accountAdded,
                            details: ["account": trimmed, "role": role])
        }
    }

    /// Adds an account without a password: its owner sets one with the code whose SHA-256 is
    /// given, before `until` (custody event `account-added`). An existing name is an error.
    public func createAccount(name: String, role: String, setupCodeSHA256: String, until: Date, actor: String) throws {
        let trimmed = try Self.checkedAccountName(name)
        try write { db in
            guard try Int.fetchOne(db, cached: "SELECT COUNT(*) FROM accounts WHERE name = ?", arguments: [trimmed]) ?? 0 == 0 else {
                throw StoreError(.invalidValue, nl: "Er is al een account \(trimmed).", en: "There already is an account \(trimmed).")
            }
            try db.execute(cached: """
                INSERT INTO accounts (name, role, password_hash, created_at, created_by, setup_code_sha256, setup_code_until, setup_code_by)
                VALUES (?, ?, '!', ?, ?, ?, ?, ?)
                """, arguments: [trimmed, role, now().stored, actor, setupCodeSHA256, until.stored, actor])
            try appendEvent(db, chain: Self.storeChain, actor: actor, action: .accountAdded,
                            details: ["account": trimmed, "role": role, "setupCodeUntil": until.stored])
        }
    }

    /// Forces a new password: the old one stops working, every session of the account ends, and
    /// only the code whose SHA-256 is given sets a new one (custody event `password-reset-forced`).
    public func forcePasswordReset(name: String, setupCodeSHA256: String, until: Date, actor: String) throws {
        try write { db in
            try db.execute(cached: """
                UPDATE accounts SET password_hash = '!', setup_code_sha256 = ?, setup_code_until = ?, setup_code_by = ?,
                    failed_logins = 0, locked_until = NULL WHERE name = ?
                """, arguments: [setupCodeSHA256, until.stored, actor, name])
            guard db.changesCount == 1 else { throw Self.noAccount(name) }
            try db.execute(cached: "DELETE FROM web_sessions WHERE account = ?", arguments: [name])
            try appendEvent(db, chain: Self.storeChain, actor: actor, action: .passwordResetForced,
                            details: ["account": name, "setupCodeUntil": until.stored])
        }
    }

    /// Sets the password with a valid set-password code, in one conditional update (a code works
    /// once, before it expires, on an account that is not disabled). Returns false otherwise.
    public func completePasswordSetup(name: String, setupCodeSHA256: String, passwordHash: String) throws -> Bool {
        try write { db in
            let by = try String.fetchOne(db, cached: "SELECT setup_code_by FROM accounts WHERE name = ?", arguments: [name])
            try db.execute(cached: """
                UPDATE accounts SET password_hash = ?, setup_code_sha256 = NULL, setup_code_until = NULL, setup_code_by = NULL,
                    failed_logins = 0, locked_until = NULL
                WHERE name = ? AND setup_code_sha256 = ? AND setup_code_until > ? AND disabled_at IS NULL
                """, arguments: [passwordHash, name, setupCodeSHA256, now().stored])
            guard db.changesCount == 1, let stored = try String.fetchOne(db, cached: "SELECT name FROM accounts WHERE name = ?",
                                                                        arguments: [name]) else { return false }
            try db.execute(cached: "DELETE FROM web_sessions WHERE account = ?", arguments: [stored])
            try appendEvent(db, chain: Self.storeChain, actor: stored, action: .passwordSet,
                            details: ["account": stored, "codeMadeBy": by ?? "—"])
            return true
        }
    }

    /// Replaces the password hash of an account that changes its own password (custody event
    /// `password-changed`), ending every session of it except `keepSession` (the one in use).
    public func changePassword(name: String, passwordHash: String, keepSession: String?) throws {
        try write { db in
            try db.execute(cached: "UPDATE accounts SET password_hash = ? WHERE name = ?", arguments: [passwordHash, name])
            guard db.changesCount == 1 else { throw Self.noAccount(name) }
            try db.execute(cached: "DELETE FROM web_sessions WHERE account = ? AND id_sha256 IS NOT ?", arguments: [name, keepSession])
            try appendEvent(db, chain: Self.storeChain, actor: name, action: .passwordChanged, details: ["account": name])
        }
    }

    /// Replaces a hash by a stronger one of the same password (at login), only if it is unchanged.
    public func upgradePasswordHash(name: String, from old: String, to new: String) throws {
        try write { db in
            try db.execute(cached: "UPDATE accounts SET password_hash = ? WHERE name = ? AND password_hash = ?", arguments: [new, name, old])
        }
    }

    /// Disables or enables an account. Disabling ends every session of it at once.
    public func setDisabled(_ disabled: Bool, account name: String, actor: String) throws {
        try write { db in
            if disabled {
                try db.execute(cached: "UPDATE accounts SET disabled_at = ? WHERE name = ? AND disabled_at IS NULL", arguments: [now().stored, name])
            } else {
                try db.execute(cached: "UPDATE accounts SET disabled_at = NULL, failed_logins = 0, locked_until = NULL WHERE name = ?",
                               arguments: [name])
            }
            guard try Int.fetchOne(db, cached: "SELECT COUNT(*) FROM accounts WHERE name = ?", arguments: [name]) ?? 0 == 1 else {
                throw Self.noAccount(name)
            }
            try db.execute(cached: "DELETE FROM web_sessions WHERE account = ?", arguments: [name])
            try appendEvent(db, chain: Self.storeChain, actor: actor, action: disabled ? .accountDisabled : .accountEnabled,
                            details: ["account": name])
        }
    }

    /// Removes an account (staff who left): its sessions end and every access link it had is
    /// revoked in the case's own log. A new account with the same name starts without access.
    public func removeAccount(_ name: String, actor: String) throws {
        try write { db in
            guard let stored = try String.fetchOne(db, cached: "SELECT name FROM accounts WHERE name = ?", arguments: [name]) else {
                throw Self.noAccount(name)
            }
            for link in try CaseAccessRow.fetchAll(db, cached: "SELECT * FROM case_access WHERE account = ? AND revoked_at IS NULL",
                                                   arguments: [stored]) {
                try revoke(db, link.value, actor: actor, reason: "account verwijderd")
            }
            try db.execute(cached: "DELETE FROM web_sessions WHERE account = ?", arguments: [stored])
            try db.execute(cached: "DELETE FROM accounts WHERE name = ?", arguments: [stored])
            try appendEvent(db, chain: Self.storeChain, actor: actor, action: .accountRemoved, details: ["account": stored])
        }
    }

    static func noAccount(_ name: String) -> StoreError {
        StoreError(.invalidValue, nl: "Account \(name) bestaat niet (meer). Vraag de beheerder.",
                   en: "Account \(name) does not exist (any more). Ask the administrator.")
    }

    /// The account with this name (case-insensitive), or nil.
    public func account(named name: String) throws -> StoredAccount? {
        try read { db in
            try AccountRow.fetchOne(db, cached: "SELECT * FROM accounts WHERE name = ?", arguments: [name])?.value
        }
    }

    /// Every account, by name.
    public func accounts() throws -> [StoredAccount] {
        try read { db in try AccountRow.fetchAll(db, cached: "SELECT * FROM accounts ORDER BY name").map(\.value) }
    }

    /// Sets the language of the web pages for an account (custody event `account-setting-changed`
    /// in the store chain).
    public func setLanguage(_ language: String, account name: String, actor: String) throws {
        try write { db in
            try db.execute(cached: "UPDATE accounts SET language = ? WHERE name = ?", arguments: [language, name])
            guard db.changesCount == 1 else { throw Self.noAccount(name) }
            try appendEvent(db, chain: Self.storeChain, actor: actor, action: "account-setting-changed",
                            details: ["account": name, "language": language])
        }
    }

    /// Records a failed login of an existing account in one conditional update: the count goes
    /// up, and from `threshold` failures on the account is locked until `lockSeconds` from now.
    /// A failure never shortens or clears a lock that a parallel failure set. The failure goes to
    /// the bounded security log, not to the custody log. Returns the lock time, if locked.
    @discardableResult
    public func recordFailedLogin(name: String, threshold: Int, lockSeconds: TimeInterval, source: String) throws -> Date? {
        try write { db in
            let at = now()
            let lockEnd = at.addingTimeInterval(lockSeconds).stored
            guard let row = try Row.fetchOne(db, cached: """
                UPDATE accounts SET failed_logins = failed_logins + 1,
                    locked_until = CASE
                        WHEN failed_logins + 1 >= ? AND (locked_until IS NULL OR locked_until < ?) THEN ?
                        ELSE locked_until END
                WHERE name = ? RETURNING name, failed_logins, locked_until
                """, arguments: [threshold, lockEnd, lockEnd, name]) else { return nil }
            let failures: Int = row["failed_logins"]
            let locked = Date(stored: row["locked_until"] as String?).flatMap { $0 > at ? $0 : nil }
            try appendSecurity(db, kind: locked == nil ? "login-failed" : "account-locked", account: row["name"], source: source,
                               detail: "failures: \(failures)" + (locked.map { ", locked until \($0.stored)" } ?? ""))
            return locked
        }
    }

    /// Records a successful login, only if the account is (still) not locked or disabled: clears
    /// the failure count (custody event `login`). Returns false, changing nothing, when a parallel
    /// failure locked the account after the password was checked.
    public func recordLogin(name: String, source: String) throws -> Bool {
        try write { db in
            try db.execute(cached: """
                UPDATE accounts SET failed_logins = 0, locked_until = NULL
                WHERE name = ? AND disabled_at IS NULL AND (locked_until IS NULL OR locked_until <= ?)
                """, arguments: [name, now().stored])
            guard db.changesCount == 1 else { return false }
            try appendEvent(db, chain: Self.storeChain, actor: name, action: "login", details: ["source": StoredText.bounded(source, limit: 100)])
            return true
        }
    }

    /// Appends an access event (a page view, a download, a refusal) to a case's chain or to the
    /// store chain. Front ends call this so the log says who looked at what, when.
    @discardableResult
    public func recordAccess(chain: String, actor: String, action: CustodyAction, details: [String: String]) throws -> CustodyEvent {
        try write { db in
            if chain != Self.storeChain, let id = CaseID(chain) { _ = try fetchCase(db, id) }
            return try appendEvent(db, chain: chain, actor: actor, action: action, details: details)
        }
    }
}
