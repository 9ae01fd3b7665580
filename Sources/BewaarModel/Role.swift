/// The part a person plays in a case, in the protocol's own words.
public enum Role: String, Sendable, CaseIterable, Codable {
    case slachtoffer = "slachtoffer"
    case vermoedelijkeDader = "vermoedelijke-dader"
    case melder = "melder"
    case mentor = "mentor"
    case afdelingsleider = "afdelingsleider"
    case ouder = "ouder"
    case ondersteuningscoordinator = "ondersteuningscoordinator"
    case systeembeheerder = "systeembeheerder"
    case getuige = "getuige"
    case omstander = "omstander"

    /// Parses a role as typed on the command line: the Dutch id, a few spellings with diacritics
    /// or spaces, or the English word.
    public init?(parsing text: String) {
        let t = text.lowercased()
            .replacingOccurrences(of: "ö", with: "o")
            .replacingOccurrences(of: " ", with: "-")
            .replacingOccurrences(of: "_", with: "-")
        if let r = Role(rawValue: t) { self = r; return }
        switch t {
        case "victim": self = .slachtoffer
        case "dader", "suspect", "perpetrator", "suspected-perpetrator": self = .vermoedelijkeDader
        case "reporter": self = .melder
        case "department-head", "teamleider": self = .afdelingsleider
        case "ouder/verzorger", "verzorger", "parent", "guardian": self = .ouder
        case "zorgcoordinator", "support-coordinator": self = .ondersteuningscoordinator
        case "sysadmin", "beheerder-ict": self = .systeembeheerder
        case "witness": self = .getuige
        case "bystander": self = .omstander
        default: return nil
        }
    }

    /// Staff of the school (never pseudonymised in a shareable export).
    public var isStaff: Bool {
        switch self {
        case .mentor, .afdelingsleider, .ondersteuningscoordinator, .systeembeheerder: return true
        default: return false
        }
    }
}
