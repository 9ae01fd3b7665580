import Foundation
import BewaarModel
import BewaarImportMail

/// Runs a trace: the trust walk, the classification of the originating address, the
/// correlation with the school's logs and the conclusion.
public enum Tracer {
    public static func trace(mail: TraceMail, network: SchoolNetwork, logs: SchoolLogs, toolVersion: String) -> TraceResult {
        let walk = TrustWalk.walk(mail.hops, network: network)
        let classifier = AddressClassifier(network: network)
        let tol = TimeInterval(network.clockToleranceSeconds)
        let dt = DutchTime(zone: network.timeZone)
        var findings = walk.findings
        var hints: [Bilingual] = []
        var reasons: [Bilingual] = []
        var origin = walk.origin
        var originSource: String? = origin == nil ? nil : "received"
        var relay: IPAddress?
        if network.sourcePath == nil {
            findings.append(Finding("no-network-file", weakens: false,
                                    nl: "Geen netwerkbestand gebruikt: alleen de bovenste regel is vertrouwd en geen adres is als schooladres herkend. Maak er een met `bewaar trace --init`.",
                                    en: "No network file used: only the top line is trusted and no address is recognised as the school's. Make one with `bewaar trace --init`."))
        }
        if mail.messageCount > 1 {
            findings.append(Finding("several-messages", weakens: false,
                                    nl: "Het bestand bevat \(Plural.count(mail.messageCount, "bericht", "berichten")); alleen het eerste is onderzocht.",
                                    en: "The file holds \(Plural.count(mail.messageCount, "message", "messages")); only the first was traced."))
        }
        if walk.stop == .untrusted, walk.provider != nil {
            relay = origin
            origin = nil
            originSource = nil
        }
        let stopHop = walk.stopIndex.map { mail.hops[$0] }
        let sendTime = stopHop?.date?.date ?? mail.hops.first?.date?.date ?? mail.date?.date

        // Client-address headers: believed only inside the trusted region, when the trusted
        // part recorded no client.
        // Exchange Online's header firewall strips X-MS-Exchange-Organization-* from mail that
        // enters a tenant, so one present in a message read from a Microsoft mailbox was written
        // inside the tenant, wherever it sits in the raw order.
        let microsoftTop = KnownProvider.named(mail.hops.first?.by)?.hasPrefix("Microsoft") == true
        for h in mail.clientHeaders {
            let orgHeader = h.name.lowercased().hasPrefix("x-ms-exchange-organization-") && microsoftTop
            let inside = (walk.stopIndex.map { h.receivedAbove <= $0 } ?? false) || orgHeader
            let isCIP = h.name.lowercased() == "x-forefront-antispam-report"
            for ip in h.ips {
                let c = classifier.classify(ip)
                if origin == nil, inside, !isCIP, c != .linkLocal, c != .loopback,
                   [.providerHidden, .noClientAddress, .untrusted].contains(walk.stop) {
                    origin = ip
                    originSource = h.name
                    reasons.append(orgHeader && h.receivedAbove > (walk.stopIndex ?? 0) ? Bilingual(
                        "De kop \(h.name) noemt het adres \(ip) van de afzender. Microsoft 365 verwijdert zulke koppen van binnenkomende mail, dus deze is binnen de eigen omgeving van de school geschreven.",
                        "The header \(h.name) names the sender's address \(ip). Microsoft 365 removes such headers from incoming mail, so this one was written inside the school's own tenant.") : Bilingual(
                        "De kop \(h.name) staat boven de grensregel, dus binnen het vertrouwde deel: die noemt het adres \(ip) van de afzender.",
                        "The header \(h.name) sits above the boundary line, inside the trusted part: it names the sender's address \(ip)."))
                } else if ip != origin {
                    hints.append(Bilingual(
                        "Niet gecontroleerde aanwijzing: \(h.name) noemt \(ip) (\(c.dutch))" + (inside ? "." : "; de kop staat onder de vertrouwensgrens en kan door de afzender zijn geschreven."),
                        "Unverified hint: \(h.name) names \(ip) (\(c.english))" + (inside ? "." : "; the header is below the trust boundary and may have been written by the sender.")))
                }
            }
        }
        // Claimed clients below the boundary.
        for (i, h) in mail.hops.enumerated() where !(i < walk.trusted.count && walk.trusted[i]) {
            if let ip = h.ip.flatMap({ IPAddress($0) }) {
                hints.append(Bilingual(
                    "Beweerd, niet gecontroleerd: regel \(i + 1) zegt dat \(h.by ?? "?") het bericht ontving van \(ip)" + (h.authenticated ? " na inloggen." : "."),
                    "Claimed, not verified: line \(i + 1) says \(h.by ?? "?") received the message from \(ip)" + (h.authenticated ? " after login." : ".")))
            }
        }

        var matches: [TraceMatch] = []
        let classification = origin.map(classifier.classify)
        if let origin, let t = sendTime, let c = classification {
            switch c {
            case .schoolInternal:
                matches += leaseMatches(origin, at: t, tol: tol, logs: logs, via: [])
                matches += proxyMatches(ip: origin, at: t, tol: tol, logs: logs, network: network)
            case .egress:
                matches += natMatches(origin, port: walk.originPort, at: t, tol: tol, logs: logs, classifier: classifier)
                if !matches.contains(where: { $0.kind.hasPrefix("nat") }) {
                    matches += proxyMatches(ip: nil, at: t, tol: tol, logs: logs, network: network)
                }
            default:
                break
            }
        }
        // Sign-ins of the sending account, the route when the provider hid the client.
        if origin == nil, let t = sendTime {
            let s = signInMatches(users: mail.from, at: t, tol: tol, window: TimeInterval(network.signInWindowSeconds), logs: logs,
                                  classifier: classifier)
            matches += s
            let ips = Set(s.filter { $0.kind.hasPrefix("signin") }.map(\.ip))
            if ips.count == 1 {
                origin = ips.first
                originSource = "signin-log"
            }
        }
        let finalClass = origin.map(classifier.classify)

        // Coverage of the lease logs.
        if let t = sendTime, case .schoolInternal = finalClass, !matches.contains(where: { $0.kind.contains("lease") }) {
            if let (a, b) = logs.coverage({ $0.isLease }), t < a.addingTimeInterval(-tol) || t > b.addingTimeInterval(tol) {
                findings.append(Finding("logs-do-not-cover", weakens: true,
                                        nl: "De DHCP-logboeken lopen van \(dt.day(a)) \(dt.time(a)) tot \(dt.day(b)) \(dt.time(b)); de verzendtijd valt daarbuiten. Een Windows DHCP-logboek wordt na 7 dagen overschreven: exporteer het meteen na een melding.",
                                        en: "The DHCP logs run from \(dt.day(a, english: true)) \(dt.time(a)) to \(dt.day(b, english: true)) \(dt.time(b)); the send time falls outside. A Windows DHCP log is overwritten after 7 days: export it right after a report."))
            }
        }

        var r = TraceResult(mail: mail, network: network, logs: logs.sources, walk: walk, originatingIP: origin,
                            originPort: origin == walk.origin ? walk.originPort : nil, originSource: originSource, relayIP: relay,
                            classification: finalClass, sendTime: sendTime, matches: matches, hints: hints, findings: findings,
                            conclusion: Bilingual("", ""), reasons: reasons, notProven: [], certainty: .onbekend, toolVersion: toolVersion)
        Conclusion.write(&r, logs: logs, dt: dt)
        return r
    }

    static func name(_ logs: SchoolLogs, _ s: Sighting) -> (String, String) {
        let src = logs.sources[s.source]
        return (src.name, src.sha256)
    }

    static func leaseMatches(_ ip: IPAddress, at t: Date, tol: TimeInterval, logs: SchoolLogs, via: [String]) -> [TraceMatch] {
        logs.index.query(ip, from: t.addingTimeInterval(-tol), until: t.addingTimeInterval(tol)).filter { $0.kind == .lease }.map { s in
            let (n, sha) = name(logs, s)
            let inv = logs.inventory(mac: s.mac, host: s.host)
            var notes: [String] = []
            if s.ambiguousTime { notes.append("tijd in het dubbele uur van de wintertijd-overgang: beide lezingen zijn meegenomen") }
            if s.gapTime { notes.append("tijd in het overgeslagen uur van de zomertijd-overgang") }
            if let d = s.detail, d.contains("begin") { notes.append(d) }
            if logs.sources[s.source].kind == .dnsmasqLeases { notes.append("begin geschat: verlooptijd min de leasetijd uit het netwerkbestand") }
            return TraceMatch(kind: via.isEmpty ? "lease" : "nat-lease", ip: ip, host: s.host, mac: s.mac, user: nil,
                              workstation: inv?.workstation, room: inv?.room, from: s.from, until: s.until, source: n, sha256: sha,
                              line: s.line, coversSendTime: s.from <= t && s.until >= t, via: via, notes: notes)
        }
    }

    static func isMailHost(_ detail: String?, _ network: SchoolNetwork) -> Bool {
        guard let d = detail, let host = SquidParser.host(ofDetail: d) else { return false }
        return network.mailHosts.contains { host.contains($0) }
    }

    /// Proxy requests to mail services around the send time: from `ip`, or (for the shared
    /// address) from any client.
    static func proxyMatches(ip: IPAddress?, at t: Date, tol: TimeInterval, logs: SchoolLogs, network: SchoolNetwork) -> [TraceMatch] {
        let a = t.addingTimeInterval(-600), b = t.addingTimeInterval(tol)
        let list = ip.map { logs.index.query($0, from: a, until: b) } ?? logs.index.all(kind: .proxy, from: a, until: b)
        return list.filter { $0.kind == .proxy && isMailHost($0.detail, network) }.map { s in
            let (n, sha) = name(logs, s)
            return TraceMatch(kind: "proxy", ip: s.ip, host: nil, mac: nil, user: s.user, workstation: nil, room: nil, from: s.from,
                              until: s.until, source: n, sha256: sha, line: s.line, coversSendTime: s.overlaps(t.addingTimeInterval(-tol), b),
                              via: [], notes: [s.detail ?? ""])
        }
    }

    static func natMatches(_ ip: IPAddress, port: Int?, at t: Date, tol: TimeInterval, logs: SchoolLogs,
                           classifier: AddressClassifier) -> [TraceMatch] {
        var sessions = logs.index.query(ip, from: t.addingTimeInterval(-tol), until: t.addingTimeInterval(tol)).filter { $0.kind == .nat }
        if let port { sessions = sessions.filter { $0.port == nil || $0.port == port } }
        let mail = sessions.filter { [25, 465, 587].contains(FirewallNATParser.destinationPort($0.detail) ?? -1) }
        if !mail.isEmpty { sessions = mail }
        var out: [TraceMatch] = []
        for s in sessions {
            guard let inner = s.internalIP else { continue }
            let (n, sha) = name(logs, s)
            let via = ["\(logs.sources[s.source].kind.dutch) \(n) regel \(s.line): \(s.detail ?? "")"]
            let leases = leaseMatches(inner, at: t, tol: tol, logs: logs, via: via)
            if leases.isEmpty {
                out.append(TraceMatch(kind: "nat", ip: inner, host: nil, mac: nil, user: s.user, workstation: nil, room: nil, from: s.from,
                                      until: s.until, source: n, sha256: sha, line: s.line, coversSendTime: s.from <= t && s.until >= t,
                                      via: via, notes: []))
            } else {
                out += leases.map { var m = $0; if m.user == nil { m.user = s.user }; return m }
            }
        }
        return out
    }

    static func signInMatches(users: [String], at t: Date, tol: TimeInterval, window: TimeInterval, logs: SchoolLogs,
                              classifier: AddressClassifier) -> [TraceMatch] {
        var out: [TraceMatch] = []
        for u in users {
            for s in logs.signIns[u] ?? [] where s.from >= t.addingTimeInterval(-window) && s.from <= t.addingTimeInterval(tol) {
                let (n, sha) = name(logs, s)
                let inv = logs.inventory(mac: nil, host: s.host)
                let via = ["\(logs.sources[s.source].kind.dutch) \(n) regel \(s.line): \(u) vanaf \(s.ip)"]
                var notes = [s.detail ?? ""].filter { !$0.isEmpty }
                if s.ambiguousTime { notes.append("tijd in het dubbele uur van de wintertijd-overgang") }
                out.append(TraceMatch(kind: "signin", ip: s.ip, host: s.host, mac: nil, user: u, workstation: inv?.workstation,
                                      room: inv?.room, from: s.from, until: s.until, source: n, sha256: sha, line: s.line,
                                      coversSendTime: false, via: via, notes: notes))
                switch classifier.classify(s.ip) {
                case .schoolInternal:
                    out += leaseMatches(s.ip, at: s.from, tol: tol, logs: logs, via: via).map { var m = $0; m.kind = "signin-lease"; m.user = u; return m }
                case .egress:
                    out += natMatches(s.ip, port: nil, at: s.from, tol: tol, logs: logs, classifier: classifier)
                        .map { var m = $0; m.kind = "signin-" + m.kind; m.user = u; m.via = via + m.via; return m }
                default: break
                }
            }
        }
        return out
    }
}
