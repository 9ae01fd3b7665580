import Foundation
import BewaarStore
import BewaarModel

/// An explicit link between an account and a staff role on one case: the only thing that lets
/// an account read a case. Made by someone allowed to make it, logged, revocable.
public struct CaseAccessLink: Sendable, Hashable {
    public var id: Int64
    public var caseID: CaseID
    /// The account name (as stored with the account).
    public var account: String
    /// The staff role on the case: `mentor`, `afdelingsleider` or `ondersteuningscoordinator`.
    public var role: String
    public var grantedBy: String
    public var grantedAt: Date
    public var reason: String?
    /// The escalation that made this link, when an escalation made it.
    public var escalationID: Int64?
    public var revokedBy: String?
    public var revokedAt: Date?
    public var revokeReason: String?

    public var isActive: Bool { revokedAt == nil }
}

extension CustodyAction {
    public static let accessGranted: CustodyAction = "access-granted"
    public static let accessRevoked: CustodyAction = "access-revoked"
    public static let escalationUndone: CustodyAction = "escalation-undone"
}

extension CaseStore {
    /// The staff roles a link can carry.
    public static let linkRoles: Set<String> = ["mentor", "afdelingsleider", "ondersteuningscoordinator"]

    /// Links `account` to case `id` in `role` (custody event `access-granted`). An active link
    /// of the same account and role is returned as it is.
    @discardableResult
    public func grantAccess(_ id: CaseID, account: String, role: String, actor: String, reason: String?) throws -> CaseAccessLink {
        // Retryable: two grants of one link at once on PostgreSQL; the second run returns the first's.
        try writing(retryable: true) { c in
            try grantAccess(c, id, account: account, role: role, actor: actor, reason: reason, escalation: nil)
        }
    }

    func grantAccess(
        _ c: any StoreConnection, _ id: CaseID, account: String, role: String, actor: String, reason: String?,
        escalation: Int64?
    ) throws -> CaseAccessLink {
        _ = try fetchCase(c, id)
        guard Self.linkRoles.contains(role) else {
            throw StoreError(
                .invalidValue, nl: "Toegang tot een zaak kan alleen als mentor, afdelingsleider of ondersteuningscoördinator.",
                en: "Access to a case can only be given as mentor, department head or support coordinator.")
        }
        guard let stored = try c.fetchOne("SELECT name, role, disabled_at FROM accounts WHERE \(AccountsTable.byName)", [.text(account)])
        else {
            throw StoreError(
                .invalidValue, nl: "Account \(account) bestaat niet. Kies een bestaand account.",
                en: "Account \(account) does not exist. Pick an existing account.")
        }
        let r = StoredRow(stored, table: "accounts", key: "name")
        let name: String = try r("name")
        guard try r("role", as: String.self) == role, try r.optional("disabled_at", as: String.self) == nil else {
            throw StoreError(
                .invalidValue,
                nl: "Account \(name) is geen actief account met de rol \(role); toegang kan alleen in de eigen rol.",
                en: "Account \(name) is not an active account with the role \(role); access can only be given in its own role.")
        }
        if let link = try c.fetchOne(
            CaseAccessRow.self,
            "SELECT * FROM case_access WHERE case_id = ?1 AND lower(account) = lower(?2) AND role = ?3 AND revoked_at IS NULL",
            [.text(id.description), .text(name), .text(role)])
        {
            return link.value
        }
        let at = now()
        guard
            let linkID = try c.fetchValue(
                """
                INSERT INTO case_access (case_id, account, role, granted_by, granted_at, reason, escalation_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id
                """,
                [
                    .text(id.description), .text(name), .text(role), .text(actor), .text(at.stored), SQLValue(reason.map { StoredText.bounded($0) }),
                    escalation.map(SQLValue.int) ?? .null,
                ], as: Int64.self)
        else {
            throw StoreError(.writeFailed, nl: "De toegang kreeg geen nummer.", en: "The access link got no number.")
        }
        var details = ["linkId": String(linkID), "account": name, "role": role]
        if let reason { details["reason"] = reason }
        if let escalation { details["escalationId"] = String(escalation) }
        try appendEvent(c, chain: id.description, actor: actor, action: .accessGranted, details: details)
        return CaseAccessLink(
            id: linkID, caseID: id, account: name, role: role, grantedBy: actor, grantedAt: at,
            reason: reason, escalationID: escalation)
    }

    /// Ends a link (custody event `access-revoked`). Ending a link that already ended is an error
    /// that says so.
    public func revokeAccess(_ id: CaseID, link: Int64, actor: String, reason: String?) throws {
        try writing { c in
            guard
                let l = try c.fetchOne(
                    CaseAccessRow.self, "SELECT * FROM case_access WHERE id = ?1 AND case_id = ?2",
                    [.int(link), .text(id.description)])?.value
            else {
                throw StoreError(
                    .invalidValue, nl: "Toegang \(link) hoort niet bij zaak \(id).",
                    en: "Access link \(link) does not belong to case \(id).")
            }
            guard l.isActive else {
                throw StoreError(.invalidValue, nl: "Deze toegang was al ingetrokken.", en: "This access was already revoked.")
            }
            try revoke(c, l, actor: actor, reason: reason)
        }
    }

    func revoke(_ c: any StoreConnection, _ l: CaseAccessLink, actor: String, reason: String?) throws {
        try c.execute(
            "UPDATE case_access SET revoked_by = ?1, revoked_at = ?2, revoke_reason = ?3 WHERE id = ?4",
            [.text(actor), .text(now().stored), SQLValue(reason.map { StoredText.bounded($0) }), .int(l.id)])
        var details = ["linkId": String(l.id), "account": l.account, "role": l.role]
        if let reason { details["reason"] = reason }
        try appendEvent(c, chain: l.caseID.description, actor: actor, action: .accessRevoked, details: details)
    }

    /// Every link of a case, active and ended, oldest first.
    public func accessLinks(_ id: CaseID) throws -> [CaseAccessLink] {
        try reading { c in
            try c.fetchAll(CaseAccessRow.self, "SELECT * FROM case_access WHERE case_id = ?1 ORDER BY id", [.text(id.description)])
                .map(\.value)
        }
    }

    /// Whether `account` has an active link to case `id` in `role`.
    public func hasAccess(account: String, role: String, to id: CaseID) throws -> Bool {
        try reading { c in
            try c.fetchValue(
                """
                SELECT EXISTS (SELECT 1 FROM case_access WHERE case_id = ?1 AND lower(account) = lower(?2) AND role = ?3 AND revoked_at IS NULL)
                """, [.text(id.description), .text(account), .text(role)], as: Bool.self) ?? false
        }
    }

    /// The cases `account` has an active link to in `role`, by number.
    public func casesLinked(account: String, role: String) throws -> [CaseID] {
        try reading { c in
            try c.fetchValues(
                "SELECT DISTINCT case_id FROM case_access WHERE lower(account) = lower(?1) AND role = ?2 AND revoked_at IS NULL",
                [.text(account), .text(role)], as: String.self
            ).compactMap(CaseID.init).sorted()
        }
    }

    /// Writes the custody events of links that a migration made (once).
    func logMigratedAccess() throws {
        let pending = try reading { c in
            try c.fetchValue("SELECT COUNT(*) FROM case_access WHERE logged = 0", as: Int.self) ?? 0
        }
        guard pending > 0 else { return }
        try writing { c in
            for row in try c.fetchAll(CaseAccessRow.self, "SELECT * FROM case_access WHERE logged = 0 ORDER BY id") {
                let l = row.value
                try appendEvent(
                    c, chain: l.caseID.description, actor: l.grantedBy, action: .accessGranted,
                    details: ["linkId": String(l.id), "account": l.account, "role": l.role, "reason": l.reason ?? ""])
                try c.execute("UPDATE case_access SET logged = 1 WHERE id = ?1", [.int(l.id)])
            }
        }
    }
}
