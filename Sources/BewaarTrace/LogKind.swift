/// The kinds of school log `bewaar trace --logs` reads, detected from their content.
public enum LogKind: String, Sendable, Hashable, CaseIterable {
    case iscDhcpd = "isc-dhcpd-leases"
    case dnsmasqLeases = "dnsmasq-leases"
    case dhcpSyslog = "dhcp-syslog"
    case windowsDhcp = "windows-dhcp"
    case windowsDhcpV6 = "windows-dhcpv6"
    case squid = "squid-access"
    case firewallNAT = "firewall-nat"
    case signInLog = "signin-log"
    case inventory = "inventory"

    /// Dutch name for reports.
    public var dutch: String {
        switch self {
        case .iscDhcpd: return "ISC DHCP-leasebestand"
        case .dnsmasqLeases: return "dnsmasq-leasebestand"
        case .dhcpSyslog: return "syslog met DHCP-meldingen"
        case .windowsDhcp: return "Windows DHCP-auditlogboek"
        case .windowsDhcpV6: return "Windows DHCPv6-auditlogboek"
        case .squid: return "Squid-proxylogboek"
        case .firewallNAT: return "firewall-NAT-logboek"
        case .signInLog: return "aanmeldlogboek (Microsoft 365 / Entra ID)"
        case .inventory: return "inventarislijst"
        }
    }

    /// Whether its records say which device held an address (DHCP).
    public var isLease: Bool {
        switch self {
        case .iscDhcpd, .dnsmasqLeases, .dhcpSyslog, .windowsDhcp, .windowsDhcpV6: return true
        default: return false
        }
    }
}
