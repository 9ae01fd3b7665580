import Foundation
import GRDB
import BewaarModel
import BewaarStore

/// What one upload's redirect shows (``FlashBox``), as the store gives it back.
struct StoredFlash: Sendable, Equatable {
    var token: String
    var caseID: CaseID
    /// The text kept (JSON), opened.
    var body: String
}

extension CaseStore {
    /// Keeps what the redirect of session `sessionSHA256`'s last upload to case `id` shows, under
    /// the redirect's `token`, until `until` (it replaces the session's earlier one). `body` is
    /// sealed with the case's key in an encrypted store. Flashes past their time go first.
    func keepWebFlash(sessionSHA256: String, token: String, kind: String, case id: CaseID, body: String, until: Date, now: Date) throws {
        try write { db in
            try db.execute(cached: "DELETE FROM web_flashes WHERE until < ?", arguments: [now.stored])
            try db.execute(
                cached: """
                    INSERT INTO web_flashes (session_sha256, token, kind, case_id, body, until) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (session_sha256) DO UPDATE SET
                        token = excluded.token, kind = excluded.kind, case_id = excluded.case_id, body = excluded.body, until = excluded.until
                    """,
                arguments: [
                    sessionSHA256, token, kind, id.description, try sealer.seal("web_flashes", "body", case: id.description, body),
                    until.stored,
                ])
        }
    }

    /// The flash of `kind` kept for session `sessionSHA256`, while its time lasts; nil otherwise.
    /// The caller compares the token with the one its request carries.
    func webFlash(sessionSHA256: String, kind: String, now: Date) throws -> StoredFlash? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, cached: "SELECT token, case_id, body FROM web_flashes WHERE session_sha256 = ? AND kind = ? AND until >= ?",
                    arguments: [sessionSHA256, kind, now.stored]),
                let caseID = CaseID(row[1] as String? ?? ""), let body = try sealer.open(row[2], case: row[1] as DatabaseValue)
            else { return nil }
            return StoredFlash(token: row[0], caseID: caseID, body: body)
        }
    }
}
