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
    /// The school board's privacy officer (functionaris gegevensbescherming): sees every
    /// school's destruction log and retention overview, no content. An account of the board, not
    /// of a school; only on a board's database.
    case functionaris = "fg"

    /// Parses the role as typed (`ondersteuningscoördinator` with diacritics too).
    public init?(parsing text: String) {
        let t = text.lowercased().replacingOccurrences(of: "ö", with: "o").trimmingCharacters(in: .whitespaces)
        if let r = AccountRole(rawValue: t) { self = r; return }
        switch t {
        case "department-head", "teamleider": self = .afdelingsleider
        case "sysadmin": self = .systeembeheerder
        case "zorgcoordinator", "support-coordinator": self = .ondersteuningscoordinator
        case "admin", "administrator": self = .beheerder
        case "functionaris", "functionaris-gegevensbescherming", "privacy-officer", "dpo": self = .functionaris
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
        case .functionaris: return "functionaris gegevensbescherming"
        }
    }

    /// Whether this role belongs to the school board rather than to a school (its account has no
    /// school).
    public var isBoards: Bool { self == .functionaris }

    /// The roles a school's accounts may have (a school's beheerder offers these).
    public static var schoolRoles: [AccountRole] { allCases.filter { !$0.isBoards } }

    /// Whether this role reads case contents at all (only for cases it is on).
    public var readsCases: Bool {
        switch self {
        case .mentor, .afdelingsleider, .ondersteuningscoordinator: return true
        case .systeembeheerder, .beheerder, .functionaris: return false
        }
    }
}
