import Foundation

/// Where a case stands.
public enum CaseStatus: String, Sendable, CaseIterable, Codable {
    /// Opened by a mentor after a report (melding).
    case open = "open"
    /// Handed to an afdelingsleider (repetition, or beyond the class).
    case escalated = "geescaleerd"
    /// Closed; kept until its retention date.
    case closed = "gesloten"
}

/// A bullying case: one report and everything gathered for it.
public struct Case: Sendable, Hashable {
    public var id: CaseID
    public var title: String
    /// When the case was opened (UTC instant).
    public var opened: Date
    public var status: CaseStatus
    /// After this date the case is flagged for deletion (data about minors is not kept longer
    /// than needed).
    public var retentionUntil: Date
    /// The mentor's short account of what happened, used in reports.
    public var summary: String

    public init(id: CaseID, title: String, opened: Date, status: CaseStatus = .open,
                retentionUntil: Date, summary: String = "") {
        self.id = id
        self.title = title
        self.opened = opened
        self.status = status
        self.retentionUntil = retentionUntil
        self.summary = summary
    }

    /// Whether the retention date has passed at `now`.
    public func isPastRetention(at now: Date) -> Bool { now >= retentionUntil }
}
