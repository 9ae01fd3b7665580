import BewaarModel
import Foundation

/// Joins one-line DHCP events into lease spans per address: a span starts at an assign,
/// grows with each renew by the same device, and ends at a release/expiry, when another
/// device gets the address, or one lease time after the last renew.
enum LeaseSpanBuilder {
    static func spans(_ events: [LeaseEvent], leaseSeconds: Int, sourceStart: (Int) -> Date?) -> [Sighting] {
        var byIP: [IPAddress: [LeaseEvent]] = [:]
        for e in events { byIP[e.ip, default: []].append(e) }
        var out: [Sighting] = []
        let length = TimeInterval(leaseSeconds)
        for (_, list) in byIP {
            let sorted = list.sorted { ($0.at, $0.source, $0.line) < ($1.at, $1.source, $1.line) }
            var open: Sighting?
            func sameDevice(_ s: Sighting, _ e: LeaseEvent) -> Bool {
                if let a = s.mac, let b = e.mac { return a == b }
                if let a = s.device, let b = e.device { return a == b }
                if let a = s.host, let b = e.host { return a.lowercased() == b.lowercased() }
                return false
            }
            for e in sorted {
                switch e.action {
                case .start, .renew:
                    if var o = open, sameDevice(o, e) {
                        o.until = max(o.until, e.atLatest.addingTimeInterval(length))
                        o.ambiguousTime = o.ambiguousTime || e.ambiguous
                        o.gapTime = o.gapTime || e.gap
                        if o.host == nil { o.host = e.host }
                        open = o
                        continue
                    }
                    if var o = open {
                        o.until = min(o.until, e.atLatest)
                        out.append(o)
                    }
                    var s = Sighting(kind: .lease, ip: e.ip, from: e.at, until: e.atLatest.addingTimeInterval(length),
                                     mac: e.mac, host: e.host, device: e.device, detail: e.detail, source: e.source, line: e.line)
                    s.ambiguousTime = e.ambiguous
                    s.gapTime = e.gap
                    open = s
                case .end:
                    if var o = open, sameDevice(o, e) || o.mac == nil || e.mac == nil {
                        o.until = min(o.until, e.atLatest)
                        o.ambiguousTime = o.ambiguousTime || e.ambiguous
                        out.append(o)
                        open = nil
                    } else {
                        if let o = open { out.append(o) }
                        open = nil
                        // Released without an assign in the logs: it began before the log did.
                        let earliest = e.at.addingTimeInterval(-length)
                        let start = max(earliest, sourceStart(e.source) ?? earliest)
                        var s = Sighting(kind: .lease, ip: e.ip, from: start, until: e.atLatest, mac: e.mac, host: e.host,
                                         device: e.device, detail: e.detail + " (begin niet in het logboek)", source: e.source, line: e.line)
                        s.ambiguousTime = e.ambiguous
                        out.append(s)
                    }
                }
            }
            if let o = open { out.append(o) }
        }
        return out
    }
}
