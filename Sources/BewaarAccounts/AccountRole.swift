/// What an account may do in the web interface (least access: the AVG, pupils are minors).
public enum AccountRole: String, Sendable, CaseIterable {
    /// Sees the cases they are on.
    case mentor = "mentor"
    /// Sees the cases escalated to them and those they are added to.
    case afdelingsleider = "afdelingsleider"
    /// Sees the trace pages and the headers of e-mail items, never message contents.
    case systeembeheerder = "systeembeheerder"
    /// Sees the cases they are added to or that are referred to them.
    case ondersteuningscoordinator = "ondersteuningscoordinator"
    /// Manages accounts; reads no case.
    case beheerder = "beheerder"

    /// Parses the role as typed (`ondersteuningscoördinator` with diacritics too).
    public init?(parsing text: String) {
        let t = text.lowercased().replacingOccurrences(of: "ö", with: "o").trimmingCharacters(in: .whitespaces)
        if let r = AccountRole(rawValue: t) { self = r; return }
        switch t {
        case "department-head", "teamleider": self = .afdelingsleider
        case "sysadmin": self = .systeembeheerder
        case "zorgcoordinator", "support-coordinator": self = .ondersteuningscoordinator
        case "admin", "administrator": self = .beheerder
        default: return nil
        }
    }

    /// The role in Dutch, for pages.
    public var dutch: String {
        switch self {
        case .mentor: return "mentor"
        case .afdelingsleider: return "afdelingsleider"
        case .systeembeheerder: return "systeembeheerder"
        case .ondersteuningscoordinator: return "ondersteuningscoördinator"
        case .beheerder: return "beheerder"
        }
    }

    /// Whether this role reads case contents at all (only for cases it is on).
    public var readsCases: Bool {
        switch self {
        case .mentor, .afdelingsleider, .ondersteuningscoordinator: return true
        case .systeembeheerder, .beheerder: return false
        }
    }
}
