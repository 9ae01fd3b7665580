import Foundation
import BewaarModel
import BewaarStore
import BewaarAccounts

/// The school's processing-register entry for Bewaar (AVG art. 30), counted from the store
/// itself: what it holds per case status, who may see what, the retention in force, where it
/// lives and how it is protected. Only numbers and case numbers: no title, name or evidence,
/// so the beheerder (who reads no case) may see it. ``sections(_:)`` gives the text.
public struct ProcessingRegister: Sendable {
    /// What one group of cases (one status) holds.
    public struct Holdings: Sendable, Hashable {
        public var cases = 0
        public var pupils = 0
        public var parents = 0
        public var staff = 0
        public var handles = 0
        public var originals = 0
        public var originalBytes: Int64 = 0
        /// Files inside originals (zip members, attachments).
        public var contained = 0
        public var records = 0
        public var talks = 0
        public var statements = 0
        public var observations = 0
        public var accessLinks = 0

        static func + (a: Holdings, b: Holdings) -> Holdings {
            Holdings(
                cases: a.cases + b.cases, pupils: a.pupils + b.pupils, parents: a.parents + b.parents, staff: a.staff + b.staff,
                handles: a.handles + b.handles, originals: a.originals + b.originals, originalBytes: a.originalBytes + b.originalBytes,
                contained: a.contained + b.contained, records: a.records + b.records, talks: a.talks + b.talks,
                statements: a.statements + b.statements, observations: a.observations + b.observations,
                accessLinks: a.accessLinks + b.accessLinks)
        }
    }

    /// A case's retention, by number only.
    public struct Retention: Sendable, Hashable {
        public var id: CaseID
        public var status: String
        /// Nil while the case runs (the period counts from closing).
        public var until: Date?
        public var passed: Bool
        /// On legal hold (bewaarplicht): not destroyed whatever the date.
        public var onHold: Bool
    }

    public var madeAt: Date
    public var storePath: String
    /// Per case status (`open`, `geescaleerd`, `gesloten`, …), in the order of ``CaseStatus``.
    public var byStatus: [(status: String, holdings: Holdings)]
    public var total: Holdings
    /// Accounts per role.
    public var accounts: [AccountRole: Int]
    public var retention: [Retention]
    /// How many custody chains (one per case, one store-wide) `bewaar check` recomputes.
    public var chains: Int
    /// Files and folders in the store open to more than their owner.
    public var looseModes: Int
    /// The school's retention policy: months a closed case is kept (`bewaar retention policy`);
    /// nil when it cannot be read (the text then says "volgt").
    public var retentionMonths: Int?
    /// Cases destroyed with proof (entries of the destruction log).
    public var destroyed: Int
    /// Whether the store is encrypted at rest (`bewaar store encrypt`).
    public var encrypted: Bool

    /// Counts everything from `store` through its public API.
    public static func gather(_ store: CaseStore) throws -> ProcessingRegister {
        let now = store.clock()
        var groups: [String: Holdings] = [:]
        var retention: [Retention] = []
        for c in try store.cases() {
            var h = Holdings(cases: 1)
            for p in try store.people(c.id) {
                if p.role.isStaff { h.staff += 1 } else if p.role == .ouder { h.parents += 1 } else { h.pupils += 1 }
            }
            h.handles = try store.handles(c.id).count
            for i in try store.items(c.id) {
                if i.parentID == nil {
                    h.originals += 1
                    h.originalBytes += i.size
                } else {
                    h.contained += 1
                }
                h.records += i.messageCount
            }
            h.talks = try store.talks(c.id).count
            h.statements = try store.statements(c.id).count
            h.observations = try store.observations(c.id).count
            h.accessLinks = try store.accessLinks(c.id).filter { $0.revokedAt == nil }.count
            groups[c.status.rawValue] = (groups[c.status.rawValue] ?? Holdings()) + h
            retention.append(
                Retention(id: c.id, status: c.status.rawValue, until: c.retentionUntil, passed: c.isPastRetention(at: now), onHold: c.hold != nil))
        }
        let known = CaseStatus.allCases.map(\.rawValue)
        let order = known + groups.keys.filter { !known.contains($0) }.sorted()
        let byStatus = order.map { (status: $0, holdings: groups[$0] ?? Holdings()) }
        var accounts: [AccountRole: Int] = [:]
        for a in try store.accounts() { if let r = AccountRole(rawValue: a.role) { accounts[r, default: 0] += 1 } }
        return ProcessingRegister(
            madeAt: now, storePath: store.path, byStatus: byStatus, total: byStatus.reduce(Holdings()) { $0 + $1.holdings },
            accounts: accounts, retention: retention, chains: try store.chains().count, looseModes: store.looseModes().count,
            retentionMonths: try? store.retentionPolicy().months, destroyed: try store.destructionLog().count, encrypted: store.isEncrypted)
    }
}
