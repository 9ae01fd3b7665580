#if Web
import Foundation
import BewaarModel
import BewaarStore
import BewaarAccounts

/// Least access (AVG; the pupils are minors): who may read which case.
struct AccessPolicy: Sendable {
    let store: CaseStore

    /// Whether `account` may read case `id`: a mentor the cases they are on; an afdelingsleider
    /// (and an ondersteuningscoördinator) the cases escalated to them and those they are on.
    /// The systeembeheerder and the beheerder read no case.
    func mayRead(_ account: Account, _ id: CaseID) throws -> Bool {
        guard account.role.readsCases else { return false }
        let name = account.name
        let onCase = try store.people(id).contains { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        if onCase { return true }
        if account.role == .afdelingsleider || account.role == .ondersteuningscoordinator {
            return try store.escalations(id).contains { $0.to.caseInsensitiveCompare(name) == .orderedSame }
        }
        return false
    }

    /// The cases `account` may read.
    func readableCases(_ account: Account) throws -> [Case] {
        guard account.role.readsCases else { return [] }
        return try store.cases().filter { try mayRead(account, $0.id) }
    }
}
#endif
