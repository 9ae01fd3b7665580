import Foundation
import BewaarModel
import BewaarStore
import BewaarAccounts

/// Least access (AVG; the pupils are minors): who may read which case. Only an explicit, active
/// link between the account and its own staff role on the case counts (``CaseAccessLink``):
/// made by a mentor or afdelingsleider of the case, by escalation, or by the beheerder; logged
/// in the case's chain; revocable. A name on the case — a pupil's, a parent's, a witness's, even a
/// staff person's — never grants anything. The systeembeheerder and the beheerder read no case.
struct AccessPolicy: Sendable {
    let store: CaseStore

    /// Whether `account` may read case `id`.
    func mayRead(_ account: Account, _ id: CaseID) throws -> Bool {
        guard account.role.readsCases else { return false }
        return try store.hasAccess(account: account.name, role: account.role.rawValue, to: id)
    }

    /// Whether `account` may give and revoke access to case `id` and escalate it: the case's
    /// own mentor or afdelingsleider.
    func mayManageAccess(_ account: Account, _ id: CaseID) throws -> Bool {
        guard account.role == .mentor || account.role == .afdelingsleider else { return false }
        return try mayRead(account, id)
    }

    /// Whether `account` may close, reopen or put case `id` on legal hold: the case's own
    /// afdelingsleider (the protocol's owner of a case once it is escalated; a mentor proposes).
    func mayClose(_ account: Account, _ id: CaseID) throws -> Bool {
        guard account.role == .afdelingsleider else { return false }
        return try mayRead(account, id)
    }

    /// The cases `account` may read.
    func readableCases(_ account: Account) throws -> [Case] {
        guard account.role.readsCases else { return [] }
        return try store.casesLinked(account: account.name, role: account.role.rawValue).compactMap { try? store.case($0) }
    }
}
