import BewaarModel
import Foundation

/// Reads a dnsmasq lease file (`dnsmasq.leases`): current leases only, one per line,
/// `expiry mac ip host client-id`; a `duid` line, then IPv6 lines `expiry iaid ip host duid`.
/// The start is not stored: the span is one lease time before the expiry (from the network
/// file), and an expiry of 0 means a lease that never ends.
enum DnsmasqLeaseParser {
    static func looksLike(_ lines: [Substring]) -> Bool {
        var good = 0, bad = 0
        for l in lines.prefix(50) where !l.isEmpty {
            let f = l.split(separator: " ")
            if f.first == "duid" && f.count == 2 { good += 1; continue }
            if f.count == 5, UInt64(f[0]) != nil, IPAddress(f[2]) != nil { good += 1 } else { bad += 1 }
        }
        return good > 0 && bad == 0
    }

    static func parse(_ text: String, source: Int, leaseSeconds: Int, log: inout LogSource) -> [Sighting] {
        var out: [Sighting] = []
        for (i, l) in LogText.lines(text).enumerated() where !l.isEmpty {
            let f = l.split(separator: " ").map(String.init)
            if f.first == "duid" { continue }
            guard f.count == 5, let expiry = Int(f[0]), (0...100_000_000_000).contains(expiry), let ip = IPAddress(f[2]) else {
                log.warnings.append("regel \(i + 1): onleesbare leaseregel overgeslagen")
                continue
            }
            let host = f[3] == "*" ? nil : f[3]
            var mac: String?
            var device: String?
            if ip.isV4 {
                mac = MAC.normalise(f[1])
            } else {
                device = f[4] == "*" ? nil : f[4]
                if let d = device, let bytes = MAC.hexBytes(d) { mac = MAC.fromDUID(bytes) }
            }
            let until = expiry == 0 ? Date.distantFuture : Date(timeIntervalSince1970: TimeInterval(expiry))
            let from = expiry == 0 ? Date.distantPast : until.addingTimeInterval(-TimeInterval(leaseSeconds))
            out.append(Sighting(kind: .lease, ip: ip, from: from, until: until, mac: mac, host: host, device: device,
                                detail: expiry == 0 ? "lease zonder einde" : "lease tot \(expiry) (begin geschat: verlooptijd min leasetijd)",
                                source: source, line: i + 1))
            log.cover(from)
            log.cover(until)
            log.records += 1
        }
        return out
    }
}
