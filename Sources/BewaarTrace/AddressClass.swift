import BewaarModel
/// What kind of address an originating IP is, seen from the school.
public enum AddressClass: Hashable, Sendable {
    /// One of the school's own ranges (pupils, staff, guest Wi-Fi, VPN…).
    case schoolInternal(InternalRange)
    /// One of the school's public NAT addresses: every device behind the router shares it.
    case egress(CIDR)
    /// 100.64.0.0/10: shared by many subscribers of one provider (mobile networks).
    case carrierGradeNAT
    /// A private range that is not the school's (10/8, 172.16/12, 192.168/16, fc00::/7).
    case otherPrivate
    /// 127/8, ::1: submitted on the server itself.
    case loopback
    /// 169.254/16, fe80::/10: only meaningful on one network segment.
    case linkLocal
    /// Any other address on the internet.
    case publicAddress

    /// Stable code for JSON.
    public var code: String {
        switch self {
        case .schoolInternal: return "intern"
        case .egress: return "egress"
        case .carrierGradeNAT: return "cgnat"
        case .otherPrivate: return "prive"
        case .loopback: return "loopback"
        case .linkLocal: return "link-local"
        case .publicAddress: return "publiek"
        }
    }

    /// Plain Dutch.
    public var dutch: String {
        switch self {
        case .schoolInternal(let r): return "schoolnetwerk, intern adres (\(r.label), \(r.range))"
        case .egress(let c): return "schoolnetwerk, openbaar adres van de school (\(c)); alle apparaten achter de router delen het"
        case .carrierGradeNAT: return "carrier-grade NAT (100.64.0.0/10): gedeeld door veel klanten van één provider"
        case .otherPrivate: return "privé-adres dat niet bij de school hoort (bijvoorbeeld een thuisnetwerk)"
        case .loopback: return "loopback: ingediend op de server zelf"
        case .linkLocal: return "link-local adres: alleen geldig op één netwerksegment"
        case .publicAddress: return "openbaar internetadres buiten de school"
        }
    }

    /// Plain English.
    public var english: String {
        switch self {
        case .schoolInternal(let r): return "school network, internal address (\(r.label), \(r.range))"
        case .egress(let c): return "school network, the school's public address (\(c)); every device behind the router shares it"
        case .carrierGradeNAT: return "carrier-grade NAT (100.64.0.0/10): shared by many subscribers of one provider"
        case .otherPrivate: return "private address that is not the school's (for example a home network)"
        case .loopback: return "loopback: submitted on the server itself"
        case .linkLocal: return "link-local address: only valid on one network segment"
        case .publicAddress: return "public internet address outside the school"
        }
    }

    /// Whether the address belongs to the school.
    public var isSchool: Bool {
        switch self {
        case .schoolInternal, .egress: return true
        default: return false
        }
    }

    /// Whether the address is private or special (not routed on the internet).
    public var isNonPublic: Bool {
        switch self {
        case .publicAddress, .egress: return false
        default: return true
        }
    }
}

/// Classifies addresses against the school network file and the special-purpose ranges.
public struct AddressClassifier: Sendable {
    public let network: SchoolNetwork

    public init(network: SchoolNetwork) { self.network = network }

    static let loopback = [CIDR("127.0.0.0/8")!, CIDR("::1/128")!]
    static let linkLocal = [CIDR("169.254.0.0/16")!, CIDR("fe80::/10")!]
    static let cgnat = CIDR("100.64.0.0/10")!
    static let privateRanges = [CIDR("10.0.0.0/8")!, CIDR("172.16.0.0/12")!, CIDR("192.168.0.0/16")!, CIDR("fc00::/7")!,
                                CIDR("0.0.0.0/8")!, CIDR("::/128")!]

    /// The class of `ip`: the school's own ranges first (a school may use any range inside),
    /// then its egress, then the special-purpose ranges, else public.
    public func classify(_ ip: IPAddress) -> AddressClass {
        if let r = network.internalRange(of: ip) { return .schoolInternal(r) }
        if let e = network.egress.first(where: { $0.contains(ip) }) { return .egress(e) }
        if Self.loopback.contains(where: { $0.contains(ip) }) { return .loopback }
        if Self.linkLocal.contains(where: { $0.contains(ip) }) { return .linkLocal }
        if Self.cgnat.contains(ip) { return .carrierGradeNAT }
        if Self.privateRanges.contains(where: { $0.contains(ip) }) { return .otherPrivate }
        return .publicAddress
    }
}
