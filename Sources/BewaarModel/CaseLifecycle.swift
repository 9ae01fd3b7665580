import Foundation

/// How a case ended: the outcomes the anti-bullying protocol leads to.
public enum CaseOutcome: String, Sendable, CaseIterable, Codable {
    /// The bullying stopped; the agreements (afspraken) were kept.
    case resolved = "opgelost"
    /// Referred: to the ondersteuningscoördinator or to outside help (stap 6).
    case referred = "doorverwezen"
    /// The parents made a police report (aangifte, stap 5).
    case policeReport = "aangifte-gedaan"
    /// Looked into; no bullying was established.
    case noBullying = "geen-pesten-vastgesteld"

    /// Reads an outcome as typed: the raw value, with spaces for dashes, or a short form.
    public init?(parsing text: String) {
        let t = text.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "-")
        if let o = CaseOutcome(rawValue: t) { self = o; return }
        switch t {
        case "aangifte", "police-report": self = .policeReport
        case "geen-pesten", "no-bullying": self = .noBullying
        case "resolved": self = .resolved
        case "referred": self = .referred
        default: return nil
        }
    }

    /// The outcome in a Dutch sentence.
    public var dutch: String {
        switch self {
        case .resolved: return "opgelost"
        case .referred: return "doorverwezen"
        case .policeReport: return "aangifte gedaan"
        case .noBullying: return "geen pesten vastgesteld"
        }
    }

    /// The outcome in English.
    public var english: String {
        switch self {
        case .resolved: return "resolved"
        case .referred: return "referred"
        case .policeReport: return "police report made"
        case .noBullying: return "no bullying established"
        }
    }
}

/// The closing of a case: when, by whom, how and why.
public struct CaseClosing: Sendable, Hashable {
    /// When it was closed; nil for a case a store before v11 marked closed (its date was kept).
    public var at: Date?
    public var by: String
    public var outcome: CaseOutcome?
    public var reason: String

    public init(at: Date?, by: String, outcome: CaseOutcome?, reason: String) {
        self.at = at
        self.by = by
        self.outcome = outcome
        self.reason = reason
    }
}

/// A legal hold: the case may not be destroyed while it lasts (the police may still need the
/// evidence after a report).
public struct LegalHold: Sendable, Hashable {
    public var since: Date
    public var by: String
    public var reason: String

    public init(since: Date, by: String, reason: String) {
        self.since = since
        self.by = by
        self.reason = reason
    }
}
