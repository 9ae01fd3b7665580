import Foundation
import GRDB
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
        try write { db in try grantAccess(db, id, account: account, role: role, actor: actor, reason: reason, escalation: nil) }
    }

    func grantAccess(_ db: Database, _ id: CaseID, account: String, role: String, actor: String, reason: String?,
                     escalation: Int64?) throws -> CaseAccessLink {
        _ = try fetchCase(db, id)
        guard Self.linkRoles.contains(role) else {
            throw StoreError(.invalidValue, nl: "Toegang tot een zaak kan alleen als mentor, afdelingsleider of ondersteuningscoördinator.",
                             en: "Access to a case can only be given as mentor, department head or support coordinator.")
        }
        guard let stored = try Row.fetchOne(db, cached: "SELECT name, role, disabled_at FROM accounts WHERE name = ?", arguments: [account]) else {
            throw StoreError(.invalidValue, nl: "Account \(account) bestaat niet. Kies een bestaand account.",
                             en: "Account \(account) does not exist. Pick an existing account.")
        }
        let name: String = stored["name"]
        guard (stored["role"] as String) == role, (stored["disabled_at"] as String?) == nil else {
            throw StoreError(.invalidValue,
                             nl: "Account \(name) is geen actief account met de rol \(role); toegang kan alleen in de eigen rol.",
                             en: "Account \(name) is not an active account with the role \(role); access can only be given in its own role.")
        }
        if let link = try CaseAccessRow.fetchOne(db, cached: """
            SELECT * FROM case_access WHERE case_id = ? AND account = ? AND role = ? AND revoked_at IS NULL
            """, arguments: [id.description, name, role]) {
            return link.value
        }
        let at = now()
        try db.execute(cached: """
            INSERT INTO case_access (case_id, account, role, granted_by, granted_at, reason, escalation_id) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id.description, name, role, actor, at.stored, reason.map { StoredText.bounded($0) }, escalation])
        let linkID = db.lastInsertedRowID
        var details = ["linkId": String(linkID), "account": name, "role": role]
        if let reason { details["reason"] = reason }
        if let escalation { details["escalationId"] = String(escalation) }
        try appendEvent(db, chain: id.description, actor: actor, action: .accessGranted, details: details)
        return CaseAccessLink(id: linkID, caseID: id, account: name, role: role, grantedBy: actor, grantedAt: at,
                              reason: reason, escalationID: escalation)
    }

    /// Ends a link (custody event `access-revoked`). Ending a link that already ended is an error
    /// that says so.
    public func revokeAccess(_ id: CaseID, link: Int64, actor: String, reason: String?) throws {
        try write { db in
            guard let l = try CaseAccessRow.fetchOne(db, cached: "SELECT * FROM case_access WHERE id = ? AND case_id = ?",
                                                     arguments: [link, id.description])?.value else {
                throw StoreError(.invalidValue, nl: "Toegang \(link) hoort niet bij zaak \(id).",
                                 en: "Access link \(link) does not belong to case \(id).")
            }
            guard l.isActive else {
                throw StoreError(.invalidValue, nl: "Deze toegang was al ingetrokken.", en: "This access was already revoked.")
            }
            try revoke(db, l, actor: actor, reason: reason)
        }
    }

    func revoke(_ db: Database, _ l: CaseAccessLink, actor: String, reason: String?) throws {
        try db.execute(cached: "UPDATE case_access SET revoked_by = ?, revoked_at = ?, revoke_reason = ? WHERE id = ?",
                       arguments: [actor, now().stored, reason.map { StoredText.bounded($0) }, l.id])
        var details = ["linkId": String(l.id), "account": l.account, "role": l.role]
        if let reason { details["reason"] = reason }
        try appendEvent(db, chain: l.caseID.description, actor: actor, action: .accessRevoked, details: details)
    }

    /// Every link of a case, active and ended, oldest first.
    public func accessLinks(_ id: CaseID) throws -> [CaseAccessLink] {
        try read { db in
            try CaseAccessRow.fetchAll(db, cached: "SELECT * FROM case_access WHERE case_id = ? ORDER BY id", arguments: [id.description])
                .map(\.value)
        }
    }

    /// Whether `account` has an active link to case `id` in `role`.
    public func hasAccess(account: String, role: String, to id: CaseID) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, cached: """
                SELECT EXISTS (SELECT 1 FROM case_access WHERE case_id = ? AND account = ? AND role = ? AND revoked_at IS NULL)
                """, arguments: [id.description, account, role]) ?? false
        }
    }

    /// The cases `account` has an active link to in `role`, by number.
    public func casesLinked(account: String, role: String) throws -> [CaseID] {
        try read { db in
            try String.fetchAll(db, cached: """
                SELECT DISTINCT case_id FROM case_access WHERE account = ? AND role = ? AND revoked_at IS NULL
                """, arguments: [account, role]).compactMap(CaseID.init).sorted()
        }
    }

    /// Writes the custody events of links that a migration made (once).
    func logMigratedAccess() throws {
        let pending = try read { db in
            try Int.fetchOne(db, cached: "SELECT COUNT(*) FROM case_access WHERE logged = 0") ?? 0
        }
        guard pending > 0 else { return }
        try write { db in
            for row in try CaseAccessRow.fetchAll(db, cached: "SELECT * FROM case_access WHERE logged = 0 ORDER BY id") {
                let l = row.value
                try appendEvent(db, chain: l.caseID.description, actor: l.grantedBy, action: .accessGranted,
                                details: ["linkId": String(l.id), "account": l.account, "role": l.role, "reason": l.reason ?? ""])
                try db.execute(cached: "UPDATE case_access SET logged = 1 WHERE id = ?", arguments: [l.id])
            }
        }
    }
}
