import Foundation
import GRDB
import BewaarModel
import BewaarStore

extension CaseStore {
    /// Hands the case to an afdelingsleider: status `geescaleerd`, the afdelingsleider added to
    /// the people (the mentor stays on it), custody event `case-escalated`. With `account`, the
    /// afdelingsleider's account gets an access link made by this escalation, in the same
    /// transaction (the web interface and, where accounts exist, the command line always name an
    /// account).
    @discardableResult
    public func escalate(
        _ id: CaseID, to name: String, reason: EscalationReason, note: String?, actor: String,
        account: String? = nil
    ) throws -> Escalation {
        try write { db in
            let escalation = try recordEscalation(SQLiteStoreConnection(db), id, to: name, reason: reason, note: note, actor: actor)
            if let account {
                _ = try grantAccess(
                    db, id, account: account, role: Role.afdelingsleider.rawValue, actor: actor,
                    reason: "escalatie", escalation: escalation.id)
            }
            return escalation
        }
    }

    /// Undoes an escalation (custody event `escalation-undone`): the access it gave ends, and the
    /// case is open again when no other escalation stands. The escalation stays in the record.
    public func undoEscalation(_ id: CaseID, escalation: Int64, reason: String, actor: String) throws {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else {
            throw StoreError(
                .invalidValue, nl: "Geef een reden waarom de escalatie wordt teruggedraaid.",
                en: "Give a reason for undoing the escalation.")
        }
        try write { db in
            _ = try fetchCase(db, id)
            guard
                let row = try Row.fetchOne(
                    db, cached: "SELECT to_name, undone_at FROM escalations WHERE id = ? AND case_id = ?",
                    arguments: [escalation, id.description])
            else {
                throw StoreError(
                    .invalidValue, nl: "Escalatie \(escalation) hoort niet bij zaak \(id).",
                    en: "Escalation \(escalation) does not belong to case \(id).")
            }
            guard (row["undone_at"] as String?) == nil else {
                throw StoreError(.invalidValue, nl: "Deze escalatie was al teruggedraaid.", en: "This escalation was already undone.")
            }
            try db.execute(
                cached: "UPDATE escalations SET undone_by = ?, undone_at = ?, undo_reason = ? WHERE id = ?",
                arguments: [
                    actor, now().stored, try sealer.seal("escalations", "undo_reason", case: id.description, StoredText.bounded(why)),
                    escalation,
                ])
            try appendEvent(
                db, chain: id.description, actor: actor, action: .escalationUndone,
                details: ["escalationId": String(escalation), "to": row["to_name"], "reason": why])
            for link in try CaseAccessRow.fetchAll(
                db, cached: "SELECT * FROM case_access WHERE escalation_id = ? AND revoked_at IS NULL",
                arguments: [escalation])
            {
                try revoke(db, link.value, actor: actor, reason: "escalatie teruggedraaid: " + why)
            }
            let standing =
                try Int.fetchOne(
                    db, cached: "SELECT COUNT(*) FROM escalations WHERE case_id = ? AND undone_at IS NULL",
                    arguments: [id.description]) ?? 0
            if standing == 0 {
                try db.execute(
                    cached: "UPDATE cases SET status = ? WHERE id = ? AND status = ?",
                    arguments: [CaseStatus.open.rawValue, id.description, CaseStatus.escalated.rawValue])
            }
        }
    }
}
