import BewaarModel
import Foundation
import BewaarDigest

/// The school's logs given to a trace, read and indexed: lease spans, proxy requests and NAT
/// sessions per address, sign-ins per user, and the inventory by MAC and by name.
public struct SchoolLogs: Sendable {
    public private(set) var sources: [LogSource] = []
    public private(set) var index = SightingIndex(sightings: [])
    /// Sign-ins by user (lower case).
    public private(set) var signIns: [String: [Sighting]] = [:]
    public private(set) var inventoryByMAC: [String: InventoryEntry] = [:]
    public private(set) var inventoryByName: [String: InventoryEntry] = [:]

    public init() {}

    /// Reads every file, detecting its kind from the content. `reference` (the send time)
    /// fixes the year of syslog lines that carry none. `names` (one per path) are the names the
    /// results and errors use instead of the paths (an upload lies under a temporary name).
    public static func load(paths: [String], names: [String]? = nil, network: SchoolNetwork, reference: Date?) throws -> SchoolLogs {
        var logs = SchoolLogs()
        let zone = LocalTimeConverter(zone: network.timeZone)
        var sightings: [Sighting] = []
        var events: [(LogKind, LeaseEvent)] = []
        var inventory: [InventoryEntry] = []
        for (n, path) in paths.enumerated() {
            let name = names.flatMap { n < $0.count ? $0[n] : nil } ?? path
            // Read straight into one byte array (a year of leases is hundreds of megabytes).
            guard let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue,
                  let reader = try? FileReader(path: path), let bytes = try? reader.read(at: 0, count: size), bytes.count == size else {
                throw TraceError(nl: "Logboek \(name) kan niet worden gelezen. Controleer het pad en de rechten.",
                                 en: "Log \(name) cannot be read. Check the path and permissions.")
            }
            let sha = StreamingSHA256.digest(bytes).hex
            let source = logs.sources.count
            guard let kind = LogDetector.detect(bytes) else {
                throw TraceError(nl: "\(name): dit logboek wordt niet herkend. Bewaar leest ISC dhcpd.leases, dnsmasq-leases en -syslog, Windows DhcpSrvLog/DhcpV6SrvLog, Squid access.log, een firewall-NAT-export (CSV), een aanmeldlogboek van Microsoft 365/Entra ID (CSV/JSON) en een inventarislijst (CSV met mac en werkplek).",
                                 en: "\(name): this log is not recognised. Bewaar reads ISC dhcpd.leases, dnsmasq leases and syslog, Windows DhcpSrvLog/DhcpV6SrvLog, Squid access.log, a firewall NAT export (CSV), a Microsoft 365/Entra ID sign-in log (CSV/JSON) and an inventory (CSV with mac and workstation).")
            }
            var log = LogSource(name: name, sha256: sha, size: bytes.count, kind: kind)
            switch kind {
            case .iscDhcpd:
                sightings += ISCLeaseParser.parse(bytes, source: source, log: &log)
            case .dnsmasqLeases:
                sightings += DnsmasqLeaseParser.parse(LogText.decode(bytes), source: source, leaseSeconds: network.dnsmasqLeaseSeconds, log: &log)
            case .dhcpSyslog:
                events += DHCPSyslogParser.parse(LogText.decode(bytes), source: source, zone: zone, reference: reference, log: &log).map { (kind, $0) }
            case .windowsDhcp, .windowsDhcpV6:
                events += WindowsDHCPParser.parse(LogText.decode(bytes), source: source, zone: zone, log: &log).map { (kind, $0) }
            case .squid:
                sightings += SquidParser.parse(LogText.decode(bytes), source: source, log: &log)
            case .firewallNAT, .signInLog, .inventory:
                let text = LogText.decode(bytes)
                if kind == .signInLog, let s = SignInLogParser.parseJSON(text, source: source, zone: zone, log: &log) {
                    sightings += s
                } else if let t = CSVTable(lines: LogText.lines(text)) {
                    switch kind {
                    case .firewallNAT where FirewallNATParser.recognises(t):
                        sightings += FirewallNATParser.parse(t, source: source, zone: zone, log: &log)
                    case .signInLog where SignInLogParser.recognises(t):
                        sightings += SignInLogParser.parse(t, source: source, zone: zone, log: &log)
                    case .inventory where InventoryParser.recognises(t):
                        inventory += InventoryParser.parse(t, source: source, log: &log)
                    default:
                        log.warnings.append("het bestand leek een \(kind.dutch), maar is niet als zodanig te lezen")
                    }
                } else {
                    log.warnings.append("het bestand leek een \(kind.dutch), maar is niet als zodanig te lezen")
                }
            }
            logs.sources.append(log)
        }
        // One-line DHCP events become spans per family of log (a Windows lease may start in
        // Tuesday's file and be renewed in Wednesday's).
        let sourcesCopy = logs.sources
        let windows = events.filter { $0.0 == .windowsDhcp || $0.0 == .windowsDhcpV6 }.map(\.1)
        let syslog = events.filter { $0.0 == .dhcpSyslog }.map(\.1)
        let start: (Int) -> Date? = { i in
            // The earliest time of any log of the same kind.
            let k = sourcesCopy[i].kind
            return sourcesCopy.filter { $0.kind == k || ($0.kind.isLease && k.isLease && $0.kind != .iscDhcpd) }.compactMap(\.first).min()
        }
        sightings += LeaseSpanBuilder.spans(windows, leaseSeconds: network.windowsLeaseSeconds, sourceStart: start)
        sightings += LeaseSpanBuilder.spans(syslog, leaseSeconds: network.dnsmasqLeaseSeconds, sourceStart: start)
        if sightings.contains(where: { $0.kind == .signIn }) {
            for s in sightings where s.kind == .signIn { logs.signIns[s.user ?? "", default: []].append(s) }
            sightings.removeAll { $0.kind == .signIn }
        }
        logs.index = SightingIndex(sightings: sightings)
        for e in inventory {
            if let m = e.mac { logs.inventoryByMAC[m] = e }
            logs.inventoryByName[e.workstation.lowercased()] = e
        }
        return logs
    }

    /// The inventory row of a device, by MAC, else by host name (`WS-LOK12-07.school.local`
    /// matches `WS-LOK12-07`).
    public func inventory(mac: String?, host: String?) -> InventoryEntry? {
        if let m = mac, let e = inventoryByMAC[m] { return e }
        if let h = host?.lowercased() {
            if let e = inventoryByName[h] { return e }
            if let short = h.split(separator: ".").first, let e = inventoryByName[String(short)] { return e }
        }
        return nil
    }

    /// Whether any log of these kinds was given.
    public func has(_ kinds: (LogKind) -> Bool) -> Bool { sources.contains { kinds($0.kind) } }

    /// The span all logs of these kinds cover together.
    public func coverage(_ kinds: (LogKind) -> Bool) -> (Date, Date)? {
        let s = sources.filter { kinds($0.kind) }
        guard let a = s.compactMap(\.first).min(), let b = s.compactMap(\.last).max() else { return nil }
        return (a, b)
    }
}

/// Detects a log's kind from its first bytes.
public enum LogDetector {
    public static func detect(_ bytes: [UInt8]) -> LogKind? {
        let head = LogText.decode(Array(bytes.prefix(65536)))
        var lines = LogText.lines(head)
        if bytes.count > 65536, lines.count > 1 { lines.removeLast() }  // possibly cut
        let trimmed = head.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") {
            if head.contains("\"createdDateTime\"") && (head.contains("\"ipAddress\"") || head.contains("\"IPAddress\"")) { return .signInLog }
            return nil
        }
        if WindowsDHCPParser.headerIndex(lines) != nil {
            return head.contains("IPv6 Address") ? .windowsDhcpV6 : .windowsDhcp
        }
        let content = lines.filter { l in
            let t = l.trimmingCharacters(in: .whitespaces)
            return !t.isEmpty && !t.hasPrefix("#")
        }
        if content.contains(where: { l in
            let t = l.trimmingCharacters(in: .whitespaces)
            return (t.hasPrefix("lease ") && t.hasSuffix("{")) || t.hasPrefix("ia-na ") || t.hasPrefix("ia-ta ")
                || t.hasPrefix("authoring-byte-order") || t.hasPrefix("server-duid")
        }) { return .iscDhcpd }
        if DnsmasqLeaseParser.looksLike(content) { return .dnsmasqLeases }
        if SquidParser.looksLike(content) { return .squid }
        if DHCPSyslogParser.looksLike(content) { return .dhcpSyslog }
        if let t = CSVTable(lines: content) {
            if FirewallNATParser.recognises(t) { return .firewallNAT }
            if SignInLogParser.recognises(t) { return .signInLog }
            if InventoryParser.recognises(t) { return .inventory }
        }
        return nil
    }
}
