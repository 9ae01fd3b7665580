import Foundation
import BewaarModel

/// Reads syslog lines of dnsmasq (`dnsmasq-dhcp[812]: DHCPACK(br0) 10.20.12.107 3c:52:… HOST`,
/// `DHCPREPLY` for IPv6, `DHCPRELEASE`) and ISC dhcpd (`dhcpd[77]: DHCPACK on 10.20.12.107 to
/// 3c:52:… (HOST) via eth0`, `DHCPRELEASE of … from …`). Classic syslog times have no year and
/// no zone: the year is the one that puts the line nearest the send time, the zone is the
/// school's. RFC 3339 times (rsyslog) are read as written.
enum DHCPSyslogParser {
    static func looksLike(_ lines: [Substring]) -> Bool {
        lines.prefix(400).contains { l in
            (l.contains("dnsmasq-dhcp") && (l.contains("DHCPACK(") || l.contains("DHCPREPLY(")))
                || (l.contains("dhcpd") && l.contains("DHCPACK on "))
        }
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String, source: Int, zone: LocalTimeConverter, reference: Date?, log: inout LogSource) -> [LeaseEvent] {
        var out: [LeaseEvent] = []
        let refYear = reference.map { Timestamp(date: $0, utcOffsetSeconds: 0).rfc3339.prefix(4) }.flatMap { Int($0) }
        for (i, l) in LogText.lines(text).enumerated() {
            guard l.contains("DHCP") else { continue }
            let words = l.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 4 else { continue }
            // Time.
            var instants: LocalTimeConverter.Result?
            var rest: ArraySlice<Substring>
            if let t = Timestamp(rfc3339: String(words[0])) {
                instants = .init(instants: [t.date], gap: false)
                rest = words.dropFirst(1)
            } else if let m = months.firstIndex(of: words[0].lowercased()), let d = Int(words[1]), (1...31).contains(d) {
                let tp = words[2].split(separator: ":").compactMap { Int($0) }
                guard tp.count == 3, (0..<24).contains(tp[0]), (0..<60).contains(tp[1]), (0..<61).contains(tp[2]) else { continue }
                var best: LocalTimeConverter.Result?
                for y in refYear.map({ [$0 - 1, $0, $0 + 1] }) ?? [Calendar.current.component(.year, from: Date())] {
                    let r = zone.convert(year: y, month: m + 1, day: d, hour: tp[0], minute: tp[1], second: Double(tp[2]))
                    if best == nil || abs(r.earliest.timeIntervalSince(reference ?? r.earliest)) < abs(best!.earliest.timeIntervalSince(reference ?? best!.earliest)) {
                        best = r
                    }
                }
                instants = best
                rest = words.dropFirst(3)
            } else {
                continue
            }
            guard let r = instants else { continue }
            // Skip the host and program, find the DHCP verb.
            guard let verbIndex = rest.firstIndex(where: { $0.hasPrefix("DHCP") }) else { continue }
            let verb = rest[verbIndex]
            let args = Array(rest[(verbIndex + 1)...]).map(String.init)
            var action: LeaseEvent.Action?
            var ipText: String?, macText: String?, host: String?
            if verb.hasPrefix("DHCPACK(") || verb.hasPrefix("DHCPREPLY(") || verb.hasPrefix("DHCPRELEASE(") {
                action = verb.hasPrefix("DHCPRELEASE(") ? .end : .start
                ipText = args.first
                macText = args.count > 1 ? args[1] : nil
                host = args.count > 2 ? args[2] : nil
            } else if verb == "DHCPACK", args.first == "on", args.count >= 4, args[2] == "to" {
                action = .start
                ipText = args[1]
                macText = args[3]
                if args.count > 4, args[4].hasPrefix("(") { host = args[4].trimmingCharacters(in: CharacterSet(charactersIn: "()")) }
            } else if verb == "DHCPRELEASE", args.first == "of", args.count >= 4 {
                action = .end
                ipText = args[1]
                macText = args[3]
            }
            guard let act = action, let ipT = ipText, let ip = IPAddress(ipT) else { continue }
            var mac = macText.flatMap(MAC.normalise)
            var device: String?
            if mac == nil, let m = macText, let bytes = MAC.hexBytes(m), bytes.count > 6 {
                device = m
                mac = MAC.fromDUID(bytes)
            }
            out.append(LeaseEvent(ip: ip, at: r.earliest, atLatest: r.latest, action: act, mac: mac, host: host, device: device,
                                  detail: String(verb), source: source, line: i + 1, ambiguous: r.ambiguous, gap: r.gap))
            log.cover(r.earliest)
            log.records += 1
        }
        return out
    }
}
