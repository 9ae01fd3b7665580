import BewaarModel
import Foundation

/// One record from a school log tying an address to a device, user or session for a span of
/// time, with where it was read.
public struct Sighting: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A DHCP lease: this MAC/host held the address.
        case lease
        /// A proxy request from the address.
        case proxy
        /// A firewall NAT session: `internalIP` went out as the address.
        case nat
        /// A sign-in of `user` from the address.
        case signIn = "signin"
    }

    public var kind: Kind
    /// The address the record is about (for NAT: the translated, public address).
    public var ip: IPAddress
    /// Start of the span (UTC).
    public var from: Date
    /// End of the span (UTC); `Date.distantFuture` when the log gives none.
    public var until: Date
    public var mac: String?
    public var host: String?
    public var user: String?
    /// A device id or name (sign-in logs), or the DUID (DHCPv6).
    public var device: String?
    /// NAT: the internal address behind the translated one.
    public var internalIP: IPAddress?
    /// NAT: translated source port.
    public var port: Int?
    /// What the record says in short (`CONNECT outlook.office365.com:443`, `Assign`…).
    public var detail: String?
    /// Index of the log in the trace's list of logs.
    public var source: Int
    /// 1-based line in that log.
    public var line: Int
    /// A time in the record was written in the doubled October hour: both meanings are kept
    /// and the span covers both.
    public var ambiguousTime: Bool = false
    /// A time in the record fell in the skipped March hour.
    public var gapTime: Bool = false

    public init(kind: Kind, ip: IPAddress, from: Date, until: Date, mac: String? = nil, host: String? = nil,
                user: String? = nil, device: String? = nil, internalIP: IPAddress? = nil, port: Int? = nil,
                detail: String? = nil, source: Int, line: Int) {
        self.kind = kind
        self.ip = ip
        self.from = from
        self.until = until
        self.mac = mac
        self.host = host
        self.user = user
        self.device = device
        self.internalIP = internalIP
        self.port = port
        self.detail = detail
        self.source = source
        self.line = line
    }

    /// Whether the span overlaps [a, b].
    public func overlaps(_ a: Date, _ b: Date) -> Bool { from <= b && until >= a }
}

/// Normalises MAC addresses to `aa:bb:cc:dd:ee:ff` (from `AA-BB-…`, `aabb.ccdd.eeff`,
/// `AABBCCDDEEFF`).
enum MAC {
    static func normalise(_ text: String) -> String? {
        // Fast path: already `aa:bb:cc:dd:ee:ff` (what ISC dhcpd writes).
        let u = text.utf8
        if u.count == 17, u.enumerated().allSatisfy({ i, c in
            i % 3 == 2 ? c == 0x3A : ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))
        }) { return text }
        let hex = text.lowercased().filter { $0.isHexDigit }
        let seps = text.filter { $0 == ":" || $0 == "-" || $0 == "." }
        guard hex.count == 12, hex.count + seps.count == text.count else { return nil }
        var out = ""
        for (i, c) in hex.enumerated() {
            if i > 0 && i % 2 == 0 { out += ":" }
            out.append(c)
        }
        return out
    }

    /// The MAC inside a DHCPv6 DUID of type 1 (link-layer + time) or 3 (link-layer), Ethernet.
    static func fromDUID(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4, bytes[0] == 0, bytes[2] == 0, bytes[3] == 1 else { return nil }
        let mac: ArraySlice<UInt8>
        switch bytes[1] {
        case 1 where bytes.count == 14: mac = bytes[8..<14]
        case 3 where bytes.count == 10: mac = bytes[4..<10]
        default: return nil
        }
        return mac.map { String(format: "%02x", $0) }.joined(separator: ":")
    }

    /// Bytes of a colon- or dash-separated hex string (`00:01:00:01:…`), or plain hex.
    static func hexBytes(_ text: String) -> [UInt8]? {
        let hex = text.filter { $0.isHexDigit }
        guard hex.count % 2 == 0, !hex.isEmpty else { return nil }
        var out: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            guard let b = UInt8(hex[i..<j], radix: 16) else { return nil }
            out.append(b)
            i = j
        }
        return out
    }
}
