import Foundation
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
        try writing { c in
            let escalation = try recordEscalation(c, id, to: name, reason: reason, note: note, actor: actor)
            if let account {
                _ = try grantAccess(
                    c, id, account: account, role: Role.afdelingsleider.rawValue, actor: actor,
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
        try writing { c in
            _ = try fetchCase(c, id)
            guard
                let row = try c.fetchOne(
                    "SELECT to_name, undone_at FROM escalations WHERE id = ?1 AND case_id = ?2", [.int(escalation), .text(id.description)])
            else {
                throw StoreError(
                    .invalidValue, nl: "Escalatie \(escalation) hoort niet bij zaak \(id).",
                    en: "Escalation \(escalation) does not belong to case \(id).")
            }
            let r = StoredRow(row, table: "escalations")
            guard try r.optional("undone_at", as: String.self) == nil else {
                throw StoreError(.invalidValue, nl: "Deze escalatie was al teruggedraaid.", en: "This escalation was already undone.")
            }
            let toName: String = try r("to_name")
            try c.execute(
                "UPDATE escalations SET undone_by = ?1, undone_at = ?2, undo_reason = ?3 WHERE id = ?4",
                [
                    .text(actor), .text(now().stored),
                    try sealer.seal("escalations", "undo_reason", case: .text(id.description), StoredText.bounded(why)), .int(escalation),
                ])
            try appendEvent(
                c, chain: id.description, actor: actor, action: .escalationUndone,
                details: ["escalationId": String(escalation), "to": toName, "reason": why])
            for link in try c.fetchAll(
                CaseAccessRow.self, "SELECT * FROM case_access WHERE escalation_id = ?1 AND revoked_at IS NULL ORDER BY id",
                [.int(escalation)])
            {
                try revoke(c, link.value, actor: actor, reason: "escalatie teruggedraaid: " + why)
            }
            let standing =
                try c.fetchValue(
                    "SELECT COUNT(*) FROM escalations WHERE case_id = ?1 AND undone_at IS NULL", [.text(id.description)], as: Int.self) ?? 0
            if standing == 0 {
                try c.execute(
                    "UPDATE cases SET status = ?1 WHERE id = ?2 AND status = ?3",
                    [.text(CaseStatus.open.rawValue), .text(id.description), .text(CaseStatus.escalated.rawValue)])
            }
        }
    }
}
