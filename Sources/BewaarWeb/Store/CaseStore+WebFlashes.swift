import BewaarModel
import BewaarStore
import Foundation

/// What one upload's redirect shows (``FlashBox``), as the store gives it back.
struct StoredFlash: Sendable, Equatable {
    var token: String
    var caseID: CaseID
    /// The text kept (JSON), opened.
    var body: String
}

/// The statements on `web_flashes`, the same SQL on either database. The body goes in and
/// comes out as stored: sealed by the caller with the case's key (always on PostgreSQL, in an
/// encrypted SQLite store), plain text in a plain SQLite store.
package enum WebFlashesTable {
    /// Keeps `body` for session `sessionSHA256` under `token` until `until`, replacing the
    /// session's earlier flash; flashes past their time (before `now`) go first.
    package static func put(
        _ c: any StoreConnection, sessionSHA256: String, token: String, kind: String, case id: CaseID, body: SQLValue, until: Date,
        now: Date
    ) throws {
        try c.execute("DELETE FROM web_flashes WHERE until < ?1", [.text(now.stored)])
        try c.execute(
            """
            INSERT INTO web_flashes (session_sha256, token, kind, case_id, body, until) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (session_sha256) DO UPDATE SET
                token = excluded.token, kind = excluded.kind, case_id = excluded.case_id, body = excluded.body, until = excluded.until
            """, [.text(sessionSHA256), .text(token), .text(kind), .text(id.description), body, .text(until.stored)])
    }

    /// The flash of `kind` kept for session `sessionSHA256` while its time lasts (`until` not
    /// before `now`): its token, case and body as stored; nil otherwise, and for a row whose
    /// case number does not read (a flash only informs).
    package static func find(
        _ c: any StoreConnection, sessionSHA256: String, kind: String, now: Date
    ) throws -> (token: String, caseID: CaseID, body: SQLValue)? {
        guard
            let row = try c.fetchOne(
                "SELECT token, case_id, body FROM web_flashes WHERE session_sha256 = ?1 AND kind = ?2 AND until >= ?3",
                [.text(sessionSHA256), .text(kind), .text(now.stored)]),
            let caseID = CaseID(String(sqlValue: row[1]) ?? "")
        else { return nil }
        return (token: try StoredRow(row, table: "web_flashes", key: "session_sha256").at(0, "token"), caseID: caseID, body: row[2])
    }
}

extension CaseStore {
    /// Keeps what the redirect of session `sessionSHA256`'s last upload to case `id` shows, under
    /// the redirect's `token`, until `until` (it replaces the session's earlier one). `body` is
    /// sealed with the case's key in an encrypted store. Flashes past their time go first.
    func keepWebFlash(sessionSHA256: String, token: String, kind: String, case id: CaseID, body: String, until: Date, now: Date) throws {
        try writing { c in
            try WebFlashesTable.put(
                c, sessionSHA256: sessionSHA256, token: token, kind: kind, case: id,
                body: try sealer.seal("web_flashes", "body", case: .text(id.description), body), until: until, now: now)
        }
    }

    /// The flash of `kind` kept for session `sessionSHA256`, while its time lasts; nil otherwise.
    /// The caller compares the token with the one its request carries.
    func webFlash(sessionSHA256: String, kind: String, now: Date) throws -> StoredFlash? {
        try reading { c in
            guard let found = try WebFlashesTable.find(c, sessionSHA256: sessionSHA256, kind: kind, now: now),
                let body = try sealer.open(found.body, case: .text(found.caseID.description))
            else { return nil }
            return StoredFlash(token: found.token, caseID: found.caseID, body: body)
        }
    }
}
