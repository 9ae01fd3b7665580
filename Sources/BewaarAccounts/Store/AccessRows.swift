import Foundation
import BewaarModel
import BewaarStore

// How the tables of accounts and access (`accounts`, `case_access`, `web_sessions`,
// `security_log`) are read, each row type through ``StoredRow``: a
// damaged row throws a ``StoreError`` that names it. Times that only inform keep reading
// leniently, as they always have (an unreadable one as the epoch or as absent).

/// A row of `accounts` as a ``StoredAccount``.
struct AccountRow: SQLRecord {
    var value: StoredAccount

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "accounts", key: "name")
        value = StoredAccount(
            name: try r("name"), role: try r("role"), passwordHash: try r("password_hash"),
            createdAt: try r.lenientDate("created_at") ?? Date(timeIntervalSince1970: 0),
            failedLogins: try r("failed_logins"), lockedUntil: try r.lenientDate("locked_until"),
            language: try r.optional("language", as: String.self) ?? "nl", disabledAt: try r.lenientDate("disabled_at"),
            setupCodeUntil: try r.lenientDate("setup_code_until"), setupCodeBy: try r("setup_code_by"),
            email: try r.optional("email", as: String.self), oidcSubject: try r.optional("oidc_subject", as: String.self),
            oidcIssuer: try r.optional("oidc_issuer", as: String.self))
    }
}

/// A row of `case_access` as a ``CaseAccessLink``: its case number and grant time must read.
struct CaseAccessRow: SQLRecord {
    var value: CaseAccessLink

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "case_access")
        value = CaseAccessLink(id: try r("id"), caseID: try r.caseID("case_id"), account: try r("account"), role: try r("role"),
                               grantedBy: try r("granted_by"), grantedAt: try r.date("granted_at"), reason: try r("reason"),
                               escalationID: try r("escalation_id"), revokedBy: try r("revoked_by"),
                               revokedAt: try r.lenientDate("revoked_at"), revokeReason: try r("revoke_reason"))
    }
}

/// A row of `web_sessions` as a ``StoredWebSession``.
struct WebSessionRow: SQLRecord {
    var value: StoredWebSession

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "web_sessions", key: "id_sha256")
        value = StoredWebSession(idSHA256: try r("id_sha256"), account: try r("account"), csrf: try r("csrf"),
                                 created: try r.lenientDate("created") ?? Date(timeIntervalSince1970: 0),
                                 lastSeen: try r.lenientDate("last_seen") ?? Date(timeIntervalSince1970: 0))
    }
}

/// A row of `security_log` as a ``SecurityLogEntry``.
struct SecurityLogRow: SQLRecord {
    var value: SecurityLogEntry

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "security_log")
        value = SecurityLogEntry(time: try r.lenientDate("time") ?? Date(timeIntervalSince1970: 0), kind: try r("kind"),
                                 account: try r("account"), source: try r("source"), detail: try r("detail"))
    }
}
