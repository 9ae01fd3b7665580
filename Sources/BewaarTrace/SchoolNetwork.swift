import BewaarModel
import Foundation

/// What the sysadmin wrote down once about the school's network (`network.toml`): its own
/// address ranges, its public NAT addresses, the mail relays it trusts, the zone its logs are
/// written in and how far the clocks may differ.
public struct SchoolNetwork: Sendable, Hashable {
    public var school: String
    /// The zone in which logs without an offset are read (`Europe/Amsterdam`).
    public var timeZoneIdentifier: String
    public var clockToleranceSeconds: Int
    /// The school's public (NAT) addresses.
    public var egress: [CIDR]
    /// Relays whose Received lines are believed: the school's own and its mail provider's.
    public var trustedRelays: [RelayRule]
    /// Whether an authenticated submission (`with ESMTPSA`…) ends the walk at its client.
    public var trustAuthenticated: Bool
    /// The school's own ranges, labelled.
    public var internalRanges: [InternalRange]
    /// How long before the send time a sign-in is still counted (tokens live about an hour).
    public var signInWindowSeconds: Int
    /// dnsmasq lease time (`dhcp-range=…,12h`); its lease file does not state it.
    public var dnsmasqLeaseSeconds: Int
    /// Windows DHCP scope lease time; the audit log does not state it (default 8 days).
    public var windowsLeaseSeconds: Int
    /// Host-name parts that mark a mail service in proxy and firewall logs.
    public var mailHosts: [String]
    /// Where the file came from and its SHA-256 (nil for the built-in defaults).
    public var sourcePath: String?
    public var sourceSHA256: String?

    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "UTC")! }

    /// The values used when no network file is given: nothing is trusted but the top hop.
    public static let defaults = SchoolNetwork(
        school: "", timeZoneIdentifier: "Europe/Amsterdam", clockToleranceSeconds: 120, egress: [], trustedRelays: [],
        trustAuthenticated: true, internalRanges: [], signInWindowSeconds: 3600, dnsmasqLeaseSeconds: 43200,
        windowsLeaseSeconds: 8 * 86400,
        mailHosts: ["smtp", "mail", "imap", "outlook", "office365", "exchange", "gmail", "googlemail"],
        sourcePath: nil, sourceSHA256: nil)

    public init(school: String, timeZoneIdentifier: String, clockToleranceSeconds: Int, egress: [CIDR],
                trustedRelays: [RelayRule], trustAuthenticated: Bool, internalRanges: [InternalRange],
                signInWindowSeconds: Int, dnsmasqLeaseSeconds: Int, windowsLeaseSeconds: Int, mailHosts: [String],
                sourcePath: String?, sourceSHA256: String?) {
        self.school = school
        self.timeZoneIdentifier = timeZoneIdentifier
        self.clockToleranceSeconds = clockToleranceSeconds
        self.egress = egress
        self.trustedRelays = trustedRelays
        self.trustAuthenticated = trustAuthenticated
        self.internalRanges = internalRanges
        self.signInWindowSeconds = signInWindowSeconds
        self.dnsmasqLeaseSeconds = dnsmasqLeaseSeconds
        self.windowsLeaseSeconds = windowsLeaseSeconds
        self.mailHosts = mailHosts
        self.sourcePath = sourcePath
        self.sourceSHA256 = sourceSHA256
    }

    /// The internal range holding `ip`, the most specific first.
    public func internalRange(of ip: IPAddress) -> InternalRange? {
        internalRanges.filter { $0.range.contains(ip) }.max { $0.range.prefixLength < $1.range.prefixLength }
    }

    /// The rule trusting this relay, by address or by name. A name alone never makes an
    /// address on the school's internal network trusted (a pupil's PC can call itself
    /// anything in HELO); list internal relays by address.
    public func trustingRule(ip: IPAddress?, names: [String]) -> RelayRule? {
        if let ip, let r = trustedRelays.first(where: { $0.matches(ip: ip) }) { return r }
        if let ip, internalRange(of: ip) != nil { return nil }
        for n in names {
            if let r = trustedRelays.first(where: { $0.matches(name: n) }) { return r }
        }
        return nil
    }
}
