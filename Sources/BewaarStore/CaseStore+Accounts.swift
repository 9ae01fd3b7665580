import Foundation
import GRDB
import BewaarModel

/// One stored account of the web interface.
public struct StoredAccount: Sendable, Hashable {
    public var name: String
    /// The role id (`mentor`, `afdelingsleider`, …); BewaarAccounts gives it meaning.
    public var role: String
    /// The encoded password hash (never a password).
    public var passwordHash: String
    public var createdAt: Date
    public var failedLogins: Int
    public var lockedUntil: Date?
    /// The language of the web pages for this account (`nl` or `en`; Dutch unless changed).
    public var language: String
}

extension CaseStore {
    /// Adds an account, or replaces the role and password of an existing one (custody event
    /// `account-added` / `account-changed` in the store chain, without the hash).
    public func saveAccount(name: String, role: String, passwordHash: String, actor: String) throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw StoreError(.invalidValue, nl: "Een account heeft een naam nodig.", en: "An account needs a name.")
        }
        try write { db in
            let exists = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accounts WHERE name = ?", arguments: [trimmed]) ?? 0 > 0
            try db.execute(sql: """
                INSERT INTO accounts (name, role, password_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash,
                    failed_logins = 0, locked_until = NULL
                """, arguments: [trimmed, role, passwordHash, now().stored, actor])
            try appendEvent(db, chain: Self.storeChain, actor: actor, action: exists ? "account-changed" : "account-added",
                            details: ["account": trimmed, "role": role])
        }
    }

    /// The account with this name (case-insensitive), or nil.
    public func account(named name: String) throws -> StoredAccount? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE name = ?", arguments: [name]).map(Self.account(from:))
        }
    }

    /// Every account, by name.
    public func accounts() throws -> [StoredAccount] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM accounts ORDER BY name").map(Self.account(from:)) }
    }

    static func account(from row: Row) -> StoredAccount {
        StoredAccount(name: row["name"], role: row["role"], passwordHash: row["password_hash"],
                      createdAt: Date(stored: row["created_at"] as String?) ?? Date(timeIntervalSince1970: 0),
                      failedLogins: row["failed_logins"], lockedUntil: Date(stored: row["locked_until"] as String?),
                      language: row["language"] as String? ?? "nl")
    }

    /// Sets the language of the web pages for an account (custody event `account-setting-changed`
    /// in the store chain).
    public func setLanguage(_ language: String, account name: String, actor: String) throws {
        try write { db in
            try db.execute(sql: "UPDATE accounts SET language = ? WHERE name = ?", arguments: [language, name])
            guard db.changesCount == 1 else {
                throw StoreError(.invalidValue, nl: "Account \(name) bestaat niet (meer). Vraag de beheerder.",
                                 en: "Account \(name) does not exist (any more). Ask the administrator.")
            }
            try appendEvent(db, chain: Self.storeChain, actor: actor, action: "account-setting-changed",
                            details: ["account": name, "language": language])
        }
    }

    /// Records a failed login: after `threshold` failures in a row the account is locked for
    /// `lockSeconds` (custody event `login-failed`, and `account-locked` when it locks).
    /// Returns the new lock time, if any.
    @discardableResult
    public func recordFailedLogin(name: String, threshold: Int, lockSeconds: TimeInterval, source: String) throws -> Date? {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT failed_logins FROM accounts WHERE name = ?", arguments: [name]) else {
                try appendEvent(db, chain: Self.storeChain, actor: "web", action: "login-failed",
                                details: ["account": name, "reason": "unknown-account", "source": source])
                return nil
            }
            let failures = (row["failed_logins"] as Int) + 1
            var locked: Date?
            if failures >= threshold { locked = now().addingTimeInterval(lockSeconds) }
            try db.execute(sql: "UPDATE accounts SET failed_logins = ?, locked_until = ? WHERE name = ?",
                           arguments: [locked == nil ? failures : 0, locked?.stored, name])
            var details = ["account": name, "failures": String(failures), "source": source]
            if let locked { details["lockedUntil"] = locked.stored }
            try appendEvent(db, chain: Self.storeChain, actor: "web", action: locked == nil ? "login-failed" : "account-locked",
                            details: details)
            return locked
        }
    }

    /// Records a successful login: clears the failure counter (custody event `login`).
    public func recordLogin(name: String, source: String) throws {
        try write { db in
            try db.execute(sql: "UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE name = ?", arguments: [name])
            try appendEvent(db, chain: Self.storeChain, actor: name, action: "login", details: ["source": source])
        }
    }

    /// Appends an access event (a page view, a download, a refusal) to a case's chain or to the
    /// store chain. Front ends call this so the log says who looked at what, when.
    @discardableResult
    public func recordAccess(chain: String, actor: String, action: CustodyAction, details: [String: String]) throws -> CustodyEvent {
        try write { db in
            if chain != Self.storeChain, let id = CaseID(chain) { _ = try Self.fetchCase(db, id) }
            return try appendEvent(db, chain: chain, actor: actor, action: action, details: details)
        }
    }
}
