import Foundation

/// A talk (gesprek) the mentor or afdelingsleider held, with the agreements (afspraken) made.
public struct Talk: Hashable, Sendable {
    public var id: Int64?
    /// The day it took place, `yyyy-mm-dd`.
    public var date: String
    /// Who took part from the school.
    public var participants: [String]
    /// With whom: pupils, parents.
    public var withWhom: [String]
    public var summary: String
    /// The agreements made, one per entry.
    public var agreements: [String]
    /// When to check the agreements again, `yyyy-mm-dd`.
    public var followUp: String?
    public var recordedBy: String
    public var recordedAt: Date

    public init(id: Int64? = nil, date: String, participants: [String], withWhom: [String], summary: String,
                agreements: [String], followUp: String?, recordedBy: String, recordedAt: Date) {
        self.id = id
        self.date = date
        self.participants = participants
        self.withWhom = withWhom
        self.summary = summary
        self.agreements = agreements
        self.followUp = followUp
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// Why a case goes to the afdelingsleider (the protocol's task division).
public enum EscalationReason: String, Sendable, CaseIterable {
    /// The bullying repeats after agreements were made.
    case herhaling = "herhaling"
    /// The bullying goes beyond the class.
    case buitenDeKlas = "buiten-de-klas"
    /// Serious enough for the police (threats, images, injury, damage).
    case ernstig = "ernstig"
    case anders = "anders"

    public var dutch: String {
        switch self {
        case .herhaling: return "herhaling van het pestgedrag"
        case .buitenDeKlas: return "het pesten overstijgt het klassenverband"
        case .ernstig: return "ernstig voorval"
        case .anders: return "andere reden"
        }
    }
}

/// A hand-over of a case to an afdelingsleider.
public struct Escalation: Hashable, Sendable {
    /// The store's number for it (nil before it is stored).
    public var id: Int64?
    public var to: String
    public var reason: EscalationReason
    public var note: String?
    public var by: String
    public var at: Date
    /// Who undid it, when and why (nil while it stands).
    public var undoneBy: String?
    public var undoneAt: Date?
    public var undoReason: String?

    public init(id: Int64? = nil, to: String, reason: EscalationReason, note: String?, by: String, at: Date,
                undoneBy: String? = nil, undoneAt: Date? = nil, undoReason: String? = nil) {
        self.id = id
        self.to = to
        self.reason = reason
        self.note = note
        self.by = by
        self.at = at
        self.undoneBy = undoneBy
        self.undoneAt = undoneAt
        self.undoReason = undoReason
    }

    /// Whether the escalation stands (was not undone).
    public var stands: Bool { undoneAt == nil }
}
