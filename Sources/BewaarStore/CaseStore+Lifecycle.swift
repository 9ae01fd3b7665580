import Foundation
import BewaarModel
import BewaarJSON

extension CustodyAction {
    public static let caseClosed: CustodyAction = "case-closed"
    public static let caseReopened: CustodyAction = "case-reopened"
    public static let holdPlaced: CustodyAction = "legal-hold-placed"
    public static let holdReleased: CustodyAction = "legal-hold-released"
    public static let retentionPolicyChanged: CustodyAction = "retention-policy-changed"
    public static let caseDestroyed: CustodyAction = "case-destroyed"
    public static let retentionChanged: CustodyAction = "retention-changed"
}

/// The school's retention policy: how many months a closed case is kept before it is due for
/// destruction. Store-wide; changing it is an event in the store's chain.
public struct RetentionPolicy: Sendable, Hashable {
    /// Months after closing. Two years unless the school set otherwise.
    public var months: Int
    public static let defaultMonths = 24
    /// The bounds a policy may take (a month to ten years).
    public static let allowedMonths = 1...120

    public init(months: Int) { self.months = months }

    /// The retention date of a case closed at `closed`.
    public func due(closedAt closed: Date) -> Date? {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(secondsFromGMT: 0) ?? cal.timeZone
        return cal.date(byAdding: .month, value: months, to: closed)
    }
}

extension CaseStore {
    static let retentionKey = "retention-months"

    /// The retention policy in force.
    public func retentionPolicy() throws -> RetentionPolicy {
        try reading { c in try Self.fetchPolicy(c) }
    }

    static func fetchPolicy(_ c: any StoreConnection) throws -> RetentionPolicy {
        let text = try c.fetchValue("SELECT value FROM store_settings WHERE key = ?1", [.text(retentionKey)], as: String.self)
        return RetentionPolicy(months: text.flatMap { Int($0) } ?? RetentionPolicy.defaultMonths)
    }

    /// Sets the school's retention policy (event `retention-policy-changed` in the store's chain).
    /// It applies to cases closed from now on; with `applyToClosed`, the closed cases whose closing
    /// time is known get their date recomputed too (event `retention-changed` in each one's chain).
    /// Returns how many closed cases got a new date. The cases' chains are appended to first, in
    /// case-number order, and the store's chain last: the order every transaction that touches
    /// several chains takes them in (so two servers never wait on each other's chains).
    @discardableResult
    public func setRetentionPolicy(months: Int, reason: String, actor: String, applyToClosed: Bool = false) throws -> Int {
        guard RetentionPolicy.allowedMonths.contains(months) else {
            throw StoreError(
                .invalidValue, nl: "Een bewaartermijn van \(months) maanden kan niet: kies 1 tot en met 120 maanden na het sluiten.",
                en: "A retention period of \(months) months is not possible: choose 1 to 120 months after closing.")
        }
        let why = try Self.required(reason, what: ("een reden", "a reason"))
        return try writing { c in
            let before = try Self.fetchPolicy(c)
            try c.execute(
                "INSERT INTO store_settings (key, value) VALUES (?1, ?2) ON CONFLICT(\(dialect.schoolKey)key) DO UPDATE SET value = excluded.value",
                [.text(Self.retentionKey), .text(String(months))])
            var changed = 0
            if applyToClosed {
                let policy = RetentionPolicy(months: months)
                let closedCases = try c.fetch(
                    "SELECT id, closed_at, retention_until FROM cases WHERE status = ?1 AND closed_at IS NOT NULL ORDER BY year, number",
                    [.text(CaseStatus.closed.rawValue)])
                for found in closedCases {
                    let row = StoredRow(found, table: "cases")
                    guard let closed = try row.lenientDate("closed_at"), let due = policy.due(closedAt: closed) else { continue }
                    let previous = try row.optional("retention_until", as: String.self)
                    guard previous != due.stored else { continue }
                    let id = try row("id", as: String.self)
                    try c.execute("UPDATE cases SET retention_until = ?1 WHERE id = ?2", [.text(due.stored), .text(id)])
                    try appendEvent(
                        c, chain: id, actor: actor, action: .retentionChanged,
                        details: ["retentionUntil": due.stored, "previousRetentionUntil": previous ?? "", "months": String(months), "reason": why])
                    changed += 1
                }
            }
            try appendEvent(
                c, chain: Self.storeChain, actor: actor, action: .retentionPolicyChanged,
                details: [
                    "months": String(months), "previousMonths": String(before.months), "reason": why,
                    "appliedToClosed": applyToClosed ? "ja" : "nee",
                ])
            return changed
        }
    }

    /// Closes a case (event `case-closed`): its retention date becomes the closing time plus the
    /// policy's months. A closed case cannot be closed again.
    @discardableResult
    public func closeCase(_ id: CaseID, outcome: CaseOutcome, reason: String, actor: String) throws -> Case {
        let why = try Self.required(reason, what: ("een reden", "a reason"))
        return try writing { tx in
            let c = try fetchCase(tx, id)
            guard c.status != .closed else {
                throw StoreError(
                    .invalidValue, nl: "Zaak \(id) is al gesloten. Heropen hem eerst als er nog iets moet gebeuren.",
                    en: "Case \(id) is already closed. Reopen it first if something still has to be done.")
            }
            let closed = now()
            let policy = try Self.fetchPolicy(tx)
            guard let due = policy.due(closedAt: closed) else {
                throw StoreError(.invalidValue, nl: "De bewaartermijn kan niet worden berekend.", en: "The retention date cannot be computed.")
            }
            try tx.execute(
                """
                UPDATE cases SET status = ?1, status_before_close = ?2, closed_at = ?3, closed_by = ?4, outcome = ?5, close_reason = ?6,
                       retention_until = ?7 WHERE id = ?8
                """,
                [
                    .text(CaseStatus.closed.rawValue), .text(c.status.rawValue), .text(closed.stored),
                    .text(StoredText.bounded(actor, limit: StoredText.nameLimit)), .text(outcome.rawValue),
                    try sealer.seal("cases", "close_reason", case: .text(id.description), why), .text(due.stored), .text(id.description),
                ])
            try appendEvent(
                tx, chain: id.description, actor: actor, action: .caseClosed,
                details: [
                    "outcome": outcome.rawValue, "reason": why, "retentionUntil": due.stored,
                    "retentionMonths": String(policy.months),
                ])
            return try fetchCase(tx, id)
        }
    }

    /// Reopens a closed case (event `case-reopened`): it runs again, with the status it had before
    /// closing, and has no retention date until it is closed again.
    @discardableResult
    public func reopenCase(_ id: CaseID, reason: String, actor: String) throws -> Case {
        let why = try Self.required(reason, what: ("een reden", "a reason"))
        return try writing { tx in
            let c = try fetchCase(tx, id)
            guard c.status == .closed else {
                throw StoreError(
                    .invalidValue, nl: "Zaak \(id) is niet gesloten; heropenen is niet nodig.",
                    en: "Case \(id) is not closed; there is nothing to reopen.")
            }
            let back =
                try tx.fetchValue("SELECT status_before_close FROM cases WHERE id = ?1", [.text(id.description)], as: String.self)
                .flatMap(CaseStatus.init(rawValue:)) ?? .open
            let status = back == .closed ? CaseStatus.open : back
            try tx.execute(
                """
                UPDATE cases SET status = ?1, status_before_close = NULL, closed_at = NULL, closed_by = NULL, outcome = NULL,
                       close_reason = NULL, retention_until = NULL WHERE id = ?2
                """, [.text(status.rawValue), .text(id.description)])
            var details = ["reason": why, "status": status.rawValue]
            if let r = c.retentionUntil { details["previousRetentionUntil"] = r.stored }
            try appendEvent(tx, chain: id.description, actor: actor, action: .caseReopened, details: details)
            return try fetchCase(tx, id)
        }
    }

    /// Places a legal hold (event `legal-hold-placed`): the case cannot be destroyed until it is
    /// released, whatever its retention date.
    @discardableResult
    public func placeHold(_ id: CaseID, reason: String, actor: String) throws -> Case {
        let why = try Self.required(reason, what: ("een reden (bijvoorbeeld \"aangifte gedaan\")", "a reason (for example \"police report made\")"))
        return try writing { tx in
            let c = try fetchCase(tx, id)
            if let hold = c.hold {
                throw StoreError(
                    .invalidValue, nl: "Zaak \(id) staat al op bewaarplicht sinds \(hold.since.stored) (\(StoredText.plain(hold.reason))).",
                    en: "Case \(id) is already on legal hold since \(hold.since.stored) (\(StoredText.plain(hold.reason))).")
            }
            try tx.execute(
                "UPDATE cases SET hold_since = ?1, hold_by = ?2, hold_reason = ?3 WHERE id = ?4",
                [
                    .text(now().stored), .text(StoredText.bounded(actor, limit: StoredText.nameLimit)),
                    try sealer.seal("cases", "hold_reason", case: .text(id.description), why), .text(id.description),
                ])
            try appendEvent(tx, chain: id.description, actor: actor, action: .holdPlaced, details: ["reason": why])
            return try fetchCase(tx, id)
        }
    }

    /// Releases a legal hold (event `legal-hold-released`).
    @discardableResult
    public func releaseHold(_ id: CaseID, reason: String, actor: String) throws -> Case {
        let why = try Self.required(reason, what: ("een reden", "a reason"))
        return try writing { tx in
            let c = try fetchCase(tx, id)
            guard let hold = c.hold else {
                throw StoreError(.invalidValue, nl: "Zaak \(id) staat niet op bewaarplicht.", en: "Case \(id) is not on legal hold.")
            }
            try tx.execute("UPDATE cases SET hold_since = NULL, hold_by = NULL, hold_reason = NULL WHERE id = ?1", [.text(id.description)])
            try appendEvent(
                tx, chain: id.description, actor: actor, action: .holdReleased,
                details: ["reason": why, "heldSince": hold.since.stored, "heldFor": hold.reason])
            return try fetchCase(tx, id)
        }
    }

    /// The cases whose retention date has passed at `now` and that are not on hold (due for
    /// destruction), and those on hold, each oldest date first.
    public func retentionOverview(at now: Date) throws -> (due: [Case], onHold: [Case]) {
        let all = try cases()
        let due = all.filter { $0.isDueForDestruction(at: now) }.sorted { ($0.retentionUntil ?? now) < ($1.retentionUntil ?? now) }
        let held = all.filter { $0.hold != nil }.sorted { ($0.hold?.since ?? now) < ($1.hold?.since ?? now) }
        return (due, held)
    }

    /// A trimmed, bounded text that must not be empty.
    static func required(_ text: String, what: (nl: String, en: String)) throws -> String {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else {
            throw StoreError(.invalidValue, nl: "Geef \(what.nl) op: die komt in het logboek.", en: "Give \(what.en): it goes into the log.")
        }
        return StoredText.bounded(t)
    }
}

extension CustodyAction {
    public static let closeProposed: CustodyAction = "case-close-proposed"
}

/// A mentor's proposal to close a case (the afdelingsleider closes, per the protocol).
public struct CloseProposal: Sendable, Hashable {
    public var caseID: CaseID
    public var by: String
    public var at: Date
    public var outcome: CaseOutcome?
    public var reason: String
}

extension CaseStore {
    /// Records a proposal to close a running case (event `case-close-proposed`); the case's
    /// afdelingsleider decides.
    public func proposeClosing(_ id: CaseID, outcome: CaseOutcome, reason: String, actor: String) throws {
        let why = try Self.required(reason, what: ("een reden", "a reason"))
        try writing { tx in
            let c = try fetchCase(tx, id)
            guard c.status != .closed else {
                throw StoreError(.invalidValue, nl: "Zaak \(id) is al gesloten.", en: "Case \(id) is already closed.")
            }
            try appendEvent(tx, chain: id.description, actor: actor, action: .closeProposed, details: ["outcome": outcome.rawValue, "reason": why])
        }
    }

    /// The proposals to close that still stand: the last proposal of each running case with no
    /// closing or reopening after it.
    public func closeProposals() throws -> [CloseProposal] {
        try reading { tx in
            try tx.fetch(
                """
                SELECT c.chain, c.seq, c.time, c.actor, c.details FROM custody c
                WHERE c.action = ?1
                  AND c.seq = (SELECT MAX(seq) FROM custody WHERE chain = c.chain AND action IN (?1, ?2, ?3))
                  AND c.chain IN (SELECT id FROM cases WHERE status != ?4)
                ORDER BY c.time
                """,
                [
                    .text(CustodyAction.closeProposed.rawValue), .text(CustodyAction.caseClosed.rawValue),
                    .text(CustodyAction.caseReopened.rawValue), .text(CaseStatus.closed.rawValue),
                ]
            ).compactMap { stored in
                let row = StoredRow(try sealer.opened(stored, table: "custody"), table: "custody", key: "chain", "seq")
                guard let id = CaseID(try row("chain", as: String.self)), let at = try row.lenientDate("time") else { return nil }
                let details = (try? JSONValue.parse(try row("details", as: String.self)))?.objectValue ?? [:]
                return CloseProposal(
                    caseID: id, by: try row("actor", as: String.self), at: at,
                    outcome: details["outcome"]?.stringValue.flatMap(CaseOutcome.init(rawValue:)),
                    reason: details["reason"]?.stringValue ?? "")
            }
        }
    }
}
