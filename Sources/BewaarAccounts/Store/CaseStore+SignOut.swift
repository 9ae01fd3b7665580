import Foundation
import BewaarModel
import BewaarStore

extension CaseStore {
    /// Keeps the sealed ID token of a session begun with a school account (see ``SignOutSchema``),
    /// after purging those of sessions that are gone.
    public func saveSignOnSession(sessionSHA256: String, sealedIDToken: Data, created: Date) throws {
        try writing { c in
            try c.execute("DELETE FROM sign_on_sessions WHERE session_sha256 NOT IN (SELECT id_sha256 FROM web_sessions)")
            try c.execute(
                """
                INSERT INTO sign_on_sessions (session_sha256, sealed_id_token, created) VALUES (?1, ?2, ?3)
                ON CONFLICT (session_sha256) DO UPDATE SET sealed_id_token = excluded.sealed_id_token, created = excluded.created
                """, [.text(sessionSHA256), sealedIDToken.sqlValue, .text(created.stored)])
        }
    }

    /// Takes (deletes and returns) the sealed ID token kept for a session, or nil when the
    /// session was not begun with a school account.
    public func takeSignOnSession(sessionSHA256: String) throws -> Data? {
        try writing { c in
            try c.fetchValue(
                "DELETE FROM sign_on_sessions WHERE session_sha256 = ?1 RETURNING sealed_id_token", [.text(sessionSHA256)], as: Data.self)
        }
    }

    /// How many sessions keep an ID token (tests read it).
    public func signOnSessionCount() throws -> Int {
        try reading { c in try c.fetchValue("SELECT COUNT(*) FROM sign_on_sessions", as: Int.self) ?? 0 }
    }
}
