import Foundation

/// Where a case stands.
public enum CaseStatus: String, Sendable, CaseIterable, Codable {
    /// Opened by a mentor after a report (melding).
    case open = "open"
    /// Handed to an afdelingsleider (repetition, or beyond the class).
    case escalated = "geescaleerd"
    /// Closed; kept until its retention date, then destroyed.
    case closed = "gesloten"
}

/// A bullying case: one report and everything gathered for it.
public struct Case: Sendable, Hashable {
    public var id: CaseID
    public var title: String
    /// When the case was opened (UTC instant).
    public var opened: Date
    public var status: CaseStatus
    /// After this date the case is due for destruction (data about minors is not kept longer
    /// than needed). Nil while the case runs: the retention period counts from closing.
    public var retentionUntil: Date?
    /// The mentor's short account of what happened, used in reports.
    public var summary: String
    /// How and why the case was closed; nil while it runs (also after a reopening).
    public var closing: CaseClosing?
    /// A legal hold that stops destruction (a police report was made); nil when there is none.
    public var hold: LegalHold?

    public init(
        id: CaseID, title: String, opened: Date, status: CaseStatus = .open,
        retentionUntil: Date? = nil, summary: String = "", closing: CaseClosing? = nil, hold: LegalHold? = nil
    ) {
        self.id = id
        self.title = title
        self.opened = opened
        self.status = status
        self.retentionUntil = retentionUntil
        self.summary = summary
        self.closing = closing
        self.hold = hold
    }

    /// Whether the retention date has passed at `now` (never for a running case).
    public func isPastRetention(at now: Date) -> Bool {
        guard let retentionUntil else { return false }
        return now >= retentionUntil
    }

    /// Whether the case may be destroyed at `now`: closed, past its date and not on hold.
    public func isDueForDestruction(at now: Date) -> Bool { hold == nil && isPastRetention(at: now) }
}
