import Foundation

/// Status of one step of the cyberpesten plan.
public enum StepStatus: String, Sendable, CaseIterable, Codable {
    case open = "open"
    case gedaan = "gedaan"
    case nietVanToepassing = "niet-van-toepassing"

    /// Parses the Dutch id, `n.v.t.`, or the English word.
    public init?(parsing text: String) {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "-")
        if let s = StepStatus(rawValue: t) { self = s; return }
        switch t {
        case "done": self = .gedaan
        case "nvt", "n.v.t.", "n.v.t", "not-applicable", "n/a": self = .nietVanToepassing
        case "todo", "open-": self = .open
        default: return nil
        }
    }
}

/// One step of the six-step plan after a report of cyberbullying, with what was done.
public struct ChecklistStep: Hashable, Sendable {
    public var step: CyberpestenStep
    public var status: StepStatus
    public var by: String?
    public var at: Date?
    public var note: String?
    /// The step's own fields; only the keys of ``CyberpestenStep/fieldKeys`` are allowed.
    public var fields: [String: String]

    public init(step: CyberpestenStep, status: StepStatus = .open, by: String? = nil, at: Date? = nil,
                note: String? = nil, fields: [String: String] = [:]) {
        self.step = step
        self.status = status
        self.by = by
        self.at = at
        self.note = note
        self.fields = fields
    }

    /// A new, untouched checklist: six open steps.
    public static var fresh: [ChecklistStep] { CyberpestenStep.allCases.map { ChecklistStep(step: $0) } }
}
