import Foundation
import BewaarModel
import GRDB
import BewaarStore

/// A browser session of the web interface as the store keeps it: the SHA-256 of its id (the id
/// itself lives only in the browser's cookie), the CSRF token of its forms, who is signed in
/// (nil on the login page) and its times.
public struct StoredWebSession: Sendable, Hashable {
    /// SHA-256 of the session id, lower-case hex.
    public var idSHA256: String
    /// The account signed in, or nil before login.
    public var account: String?
    public var csrf: String
    public var created: Date
    public var lastSeen: Date

    public init(idSHA256: String, account: String?, csrf: String, created: Date, lastSeen: Date) {
        self.idSHA256 = idSHA256
        self.account = account
        self.csrf = csrf
        self.created = created
        self.lastSeen = lastSeen
    }
}

extension CaseStore {
    /// Stores a new session. Times come from the caller (the web interface's clock).
    public func saveWebSession(_ s: StoredWebSession) throws {
        try write { db in
            try db.execute(cached: """
                INSERT INTO web_sessions (id_sha256, account, csrf, created, last_seen) VALUES (?, ?, ?, ?, ?)
                """, arguments: [s.idSHA256, s.account, s.csrf, s.created.stored, s.lastSeen.stored])
        }
    }

    /// The session with this id hash, or nil. Expiry is the caller's rule (``purgeWebSessions``).
    public func webSession(idSHA256: String) throws -> StoredWebSession? {
        try read { db in
            try WebSessionRow.fetchOne(db, cached: "SELECT * FROM web_sessions WHERE id_sha256 = ?", arguments: [idSHA256])?.value
        }
    }

    /// Records that the session was used at `time`.
    public func touchWebSession(idSHA256: String, at time: Date) throws {
        try write { db in
            try db.execute(cached: "UPDATE web_sessions SET last_seen = ? WHERE id_sha256 = ?", arguments: [time.stored, idSHA256])
        }
    }

    /// Removes a session (logout, expiry, or the login page's session once signed in).
    public func deleteWebSession(idSHA256: String) throws {
        try write { db in
            try db.execute(cached: "DELETE FROM web_sessions WHERE id_sha256 = ?", arguments: [idSHA256])
        }
    }

    /// Removes every session unused since before `idleBefore` or made before `createdBefore`,
    /// and all but the newest `keepAnonymous` sessions of the login page (nobody signed in), so
    /// asking for the login page over and over cannot fill the store. Returns how many went.
    @discardableResult
    public func purgeWebSessions(idleBefore: Date, createdBefore: Date, keepAnonymous: Int) throws -> Int {
        try write { db in
            try db.execute(cached: "DELETE FROM web_sessions WHERE last_seen < ? OR created < ?",
                           arguments: [idleBefore.stored, createdBefore.stored])
            var removed = db.changesCount
            try db.execute(cached: """
                DELETE FROM web_sessions WHERE account IS NULL AND id_sha256 NOT IN (
                    SELECT id_sha256 FROM web_sessions WHERE account IS NULL ORDER BY created DESC LIMIT ?)
                """, arguments: [keepAnonymous])
            removed += db.changesCount
            return removed
        }
    }
}
