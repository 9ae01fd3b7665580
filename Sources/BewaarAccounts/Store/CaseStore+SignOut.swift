import Foundation
import BewaarModel
import GRDB
import BewaarStore

extension CaseStore {
    /// Keeps the sealed ID token of a session begun with a school account (see ``SignOutSchema``),
    /// after purging those of sessions that are gone.
    public func saveSignOnSession(sessionSHA256: String, sealedIDToken: Data, created: Date) throws {
        try write { db in
            try db.execute(
                cached: "DELETE FROM sign_on_sessions WHERE session_sha256 NOT IN (SELECT id_sha256 FROM web_sessions)")
            try db.execute(
                cached: "INSERT OR REPLACE INTO sign_on_sessions (session_sha256, sealed_id_token, created) VALUES (?, ?, ?)",
                arguments: [sessionSHA256, sealedIDToken, created.stored])
        }
    }

    /// Takes (deletes and returns) the sealed ID token kept for a session, or nil when the
    /// session was not begun with a school account.
    public func takeSignOnSession(sessionSHA256: String) throws -> Data? {
        try write { db in
            try Data.fetchOne(
                db, cached: "DELETE FROM sign_on_sessions WHERE session_sha256 = ? RETURNING sealed_id_token",
                arguments: [sessionSHA256])
        }
    }

    /// How many sessions keep an ID token (tests read it).
    public func signOnSessionCount() throws -> Int {
        try read { db in try Int.fetchOne(db, cached: "SELECT COUNT(*) FROM sign_on_sessions") ?? 0 }
    }
}
