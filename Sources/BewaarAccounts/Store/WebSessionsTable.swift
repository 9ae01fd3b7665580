import BewaarStore
import Foundation

/// The statements on `web_sessions`, on either database. A session is known by the SHA-256 of
/// its id; its account is compared without regard to case, as account names are
/// (``AccountsTable``).
package enum WebSessionsTable {
    /// Stores a new session.
    package static func insert(_ c: any StoreConnection, _ s: StoredWebSession) throws {
        try c.execute(
            "INSERT INTO web_sessions (id_sha256, account, csrf, created, last_seen) VALUES (?1, ?2, ?3, ?4, ?5)",
            [.text(s.idSHA256), SQLValue(s.account), .text(s.csrf), .text(s.created.stored), .text(s.lastSeen.stored)])
    }

    /// The session with this id hash, or nil.
    package static func find(_ c: any StoreConnection, idSHA256: String) throws -> StoredWebSession? {
        try c.fetchOne(WebSessionRow.self, "SELECT * FROM web_sessions WHERE id_sha256 = ?1", [.text(idSHA256)])?.value
    }

    /// Records that the session was used at `time`.
    package static func touch(_ c: any StoreConnection, idSHA256: String, at time: Date) throws {
        try c.execute("UPDATE web_sessions SET last_seen = ?1 WHERE id_sha256 = ?2", [.text(time.stored), .text(idSHA256)])
    }

    /// Removes a session; returns whether there was one.
    @discardableResult
    package static func delete(_ c: any StoreConnection, idSHA256: String) throws -> Bool {
        try c.execute("DELETE FROM web_sessions WHERE id_sha256 = ?1", [.text(idSHA256)]) > 0
    }

    /// Removes the sessions unused since before `idleBefore` or made before `createdBefore`, and
    /// all but the newest `keepAnonymous` of the login page (nobody signed in); returns how many.
    package static func purge(_ c: any StoreConnection, idleBefore: Date, createdBefore: Date, keepAnonymous: Int) throws -> Int {
        let old = try c.execute(
            "DELETE FROM web_sessions WHERE last_seen < ?1 OR created < ?2", [.text(idleBefore.stored), .text(createdBefore.stored)])
        let anonymous = try c.execute(
            """
            DELETE FROM web_sessions WHERE account IS NULL AND id_sha256 NOT IN (
                SELECT id_sha256 FROM web_sessions WHERE account IS NULL ORDER BY created DESC LIMIT ?1)
            """, [SQLValue(keepAnonymous)])
        return old + anonymous
    }
}
