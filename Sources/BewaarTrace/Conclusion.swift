import BewaarModel
import Foundation

/// Writes the plain-Dutch conclusion, its certainty and reasons, and what it does not prove.
enum Conclusion {
    static func deviceKey(_ m: TraceMatch) -> String? {
        m.workstation?.lowercased() ?? m.host.map { String($0.lowercased().split(separator: ".").first ?? "") } ?? m.mac
    }

    static func describe(_ m: TraceMatch) -> String {
        var s = m.deviceName ?? m.mac ?? m.ip.description
        var extra: [String] = []
        if let r = m.room { extra.append(r) }
        if m.workstation == nil, let mac = m.mac { extra.append("MAC \(mac)") }
        if !extra.isEmpty { s += " (" + extra.joined(separator: ", ") + ")" }
        return s
    }

    static func write(_ r: inout TraceResult, logs: SchoolLogs, dt: DutchTime) {
        let w = r.walk
        let hops = r.mail.hops
        let tol = r.network.clockToleranceSeconds
        var reasons = r.reasons
        var notProven: [Bilingual] = []
        let t = r.sendTime
        let when = t.map { dt.full($0) } ?? "onbekende tijd"
        let whenEN = t.map { dt.full($0, english: true) } ?? "unknown time"

        // How the walk went.
        if let s = w.stopIndex, s < hops.count {
            let chain = hops[0...s].compactMap(\.by).map { $0 }
            let servers = chain.isEmpty ? "?" : chain.joined(separator: " ← ")
            switch w.stop {
            case .authenticated, .internalClient, .untrusted, .chainBreak:
                let ip = hops[s].ip.map { IPAddress($0)?.description ?? $0 } ?? "?"
                let auth = w.stop == .authenticated ? ", na inloggen (\(hops[s].with ?? "AUTH"))" : ""
                let authEN = w.stop == .authenticated ? ", after login (\(hops[s].with ?? "AUTH"))" : ""
                reasons.insert(Bilingual(
                    "Het bericht is via de vertrouwde mailserver(s) \(servers) ontvangen van adres \(ip) om \(when)\(auth).",
                    "The message was received through the trusted mail server(s) \(servers) from address \(ip) at \(whenEN)\(authEN)."), at: 0)
            case .providerHidden:
                reasons.insert(Bilingual(
                    "Het bericht is via \(w.provider ?? "de mailprovider") verstuurd (\(servers)); de provider schrijft het adres van het apparaat niet in het bericht.",
                    "The message was sent through \(w.provider ?? "the mail provider") (\(servers)); the provider does not write the device's address into the message."), at: 0)
            case .noClientAddress:
                reasons.insert(Bilingual(
                    "De vertrouwde server \(hops[s].by ?? "?") schreef geen adres van de afzender op (regel \(s + 1)); de regels eronder zijn niet te controleren en zijn niet gebruikt.",
                    "The trusted server \(hops[s].by ?? "?") recorded no sender address (line \(s + 1)); the lines below cannot be checked and were not used."), at: 0)
            case .noHops:
                break
            }
        } else {
            reasons.insert(Bilingual("Het bericht heeft geen Received-regels (bijvoorbeeld een concept of een verzonden item uit Outlook).",
                                     "The message has no Received lines (for example a draft or a sent item from Outlook)."), at: 0)
        }
        if let c = r.classification, let ip = r.originatingIP {
            reasons.append(Bilingual("Adres \(ip) (\(ip.versionName)): \(c.dutch).", "Address \(ip) (\(ip.versionName)): \(c.english)."))
        }
        for m in r.matches {
            let logName = (m.source as NSString).lastPathComponent
            switch m.kind {
            case "proxy":
                reasons.append(Bilingual(
                    "Proxylogboek \(logName) regel \(m.line): \(m.ip) maakte om \(dt.time(m.until, seconds: true)) verbinding met een maildienst (\(m.notes.first ?? ""))" + (m.user.map { ", proxygebruiker \($0)" } ?? "") + ". Dat ondersteunt, maar bewijst geen verzending.",
                    "Proxy log \(logName) line \(m.line): \(m.ip) connected to a mail service at \(dt.time(m.until, seconds: true)) (\(m.notes.first ?? ""))" + (m.user.map { ", proxy user \($0)" } ?? "") + ". That supports, but does not prove, sending."))
            case "signin":
                reasons.append(Bilingual(
                    "Aanmeldlogboek \(logName) regel \(m.line): \(m.user ?? "?") meldde zich om \(dt.time(m.from, seconds: true)) aan vanaf \(m.ip)" + (m.deviceName.map { " op apparaat \($0)" } ?? "") + ".",
                    "Sign-in log \(logName) line \(m.line): \(m.user ?? "?") signed in at \(dt.time(m.from, seconds: true)) from \(m.ip)" + (m.deviceName.map { " on device \($0)" } ?? "") + "."))
            default:
                let via = m.via.isEmpty ? "" : " (via " + m.via.joined(separator: "; ") + ")"
                reasons.append(Bilingual(
                    "Volgens \(logName) regel \(m.line) had \(describe(m)) adres \(m.ip) \(dt.span(m.from, m.until, sendDay: t))\(via)." + (m.coversSendTime ? "" : " Dat valt alleen binnen de kloktolerantie van ±\(tol) s, niet op de verzendtijd zelf.") + m.notes.map { " Let op: \($0)." }.joined(),
                    "According to \(logName) line \(m.line), \(describe(m)) held address \(m.ip) \(dt.span(m.from, m.until, sendDay: t, english: true))\(via)." + (m.coversSendTime ? "" : " That is only within the clock tolerance of ±\(tol) s, not at the send time itself.")))
            }
        }

        // Devices the logs name.
        let deviceMatches = r.matches.filter { m in
            m.kind.contains("lease") || (m.kind == "signin" && m.deviceName != nil) || m.kind == "nat"
        }
        var devices: [String: TraceMatch] = [:]
        var exact: Set<String> = []
        for m in deviceMatches {
            guard let k = deviceKey(m) ?? Optional(m.ip.description) else { continue }
            if devices[k] == nil { devices[k] = m }
            if m.coversSendTime || m.kind == "signin" { exact.insert(k) }
        }
        let ambiguousTime = deviceMatches.contains { $0.notes.contains { $0.contains("dubbele uur") } }
        let hasLeaseLogs = logs.has { $0.isLease }

        var conclusion = Bilingual("", "")
        var certainty = Certainty.onbekend
        let ip = r.originatingIP
        func one(_ m: TraceMatch) -> String { "\(describe(m)) had adres \(m.ip) \(dt.span(m.from, m.until, sendDay: t))" }
        func oneEN(_ m: TraceMatch) -> String { "\(describe(m)) held address \(m.ip) \(dt.span(m.from, m.until, sendDay: t, english: true))" }
        let list = devices.keys.sorted().map { describe(devices[$0]!) }.joined(separator: ", ")

        if r.originSource == "signin-log" || (ip == nil && r.matches.contains { $0.kind.hasPrefix("signin") }) {
            let users = Set(r.matches.compactMap(\.user)).sorted().joined(separator: ", ")
            if devices.count == 1, let m = devices.values.first {
                conclusion = Bilingual(
                    "Waarschijnlijk verzonden vanaf \(describe(m)): het schoolaccount \(users) verstuurde het via \(w.provider ?? "de mailprovider"), en volgens het aanmeldlogboek meldde dat account zich kort ervoor aan op dat apparaat" + (ip.map { " vanaf \($0)" } ?? "") + ".",
                    "Probably sent from \(describe(m)): the school account \(users) sent it through \(w.provider ?? "the mail provider"), and according to the sign-in log that account signed in on that device shortly before" + (ip.map { " from \($0)" } ?? "") + ".")
                certainty = .redelijk
            } else {
                conclusion = Bilingual(
                    "Verzonden via \(w.provider ?? "de mailprovider") met het account \(users). Volgens het aanmeldlogboek meldde dat account zich rond de verzendtijd aan vanaf " + (ip.map { "\($0)" } ?? "meerdere adressen") + (devices.isEmpty ? "" : " (apparaten: \(list))") + "; welk apparaat verzond, is niet zeker.",
                    "Sent through \(w.provider ?? "the mail provider") with the account \(users). According to the sign-in log that account signed in around the send time from " + (ip.map { "\($0)" } ?? "several addresses") + (devices.isEmpty ? "" : " (devices: \(list))") + "; which device sent it is not certain.")
                certainty = .laag
            }
            notProven.append(Bilingual("Dat het bericht vanaf dit apparaat is verstuurd: een aanmelding is geen verzending; het account kan op meer apparaten tegelijk aangemeld zijn.",
                                       "That the message was sent from this device: a sign-in is not a sending; the account may be signed in on several devices at once."))
        } else if let ip, let c = r.classification {
            switch c {
            case .schoolInternal(let range):
                if exact.count == 1, let k = exact.first, let m = devices[k] {
                    conclusion = Bilingual("Waarschijnlijk verzonden vanaf een schoolcomputer: \(one(m)).",
                                           "Probably sent from a school computer: \(oneEN(m)).")
                    certainty = devices.count == 1 && !ambiguousTime ? .hoog : .redelijk
                    if devices.count > 1 {
                        reasons.append(Bilingual("Binnen de kloktolerantie van ±\(tol) s had ook een ander apparaat dit adres (\(list)); alleen \(describe(m)) had het op de verzendtijd zelf.",
                                                 "Within the clock tolerance of ±\(tol) s another device also held this address (\(list)); only \(describe(m)) held it at the send time itself."))
                    }
                } else if devices.count > 1 || exact.count > 1 {
                    conclusion = Bilingual("Verzonden vanaf het schoolnetwerk (\(range.label), adres \(ip)), maar welke computer is niet zeker: meerdere apparaten hadden dat adres rond de verzendtijd: \(list).",
                                           "Sent from the school network (\(range.label), address \(ip)), but which computer is not certain: several devices held that address around the send time: \(list).")
                    certainty = .laag
                } else if let m = devices.values.first {
                    conclusion = Bilingual("Mogelijk verzonden vanaf een schoolcomputer: \(one(m)), maar alleen binnen de kloktolerantie.",
                                           "Possibly sent from a school computer: \(oneEN(m)), but only within the clock tolerance.")
                    certainty = .laag
                } else {
                    conclusion = Bilingual("Verzonden vanaf het schoolnetwerk (\(range.label), adres \(ip)); welke computer is niet te bepalen: " + (hasLeaseLogs ? "de DHCP-logboeken noemen geen apparaat met dat adres rond de verzendtijd." : "geef de DHCP-logboeken van die dag met --logs."),
                                           "Sent from the school network (\(range.label), address \(ip)); which computer cannot be told: " + (hasLeaseLogs ? "the DHCP logs name no device with that address around the send time." : "give that day's DHCP logs with --logs."))
                    certainty = .laag
                }
            case .egress:
                if devices.count == 1, let m = devices.values.first {
                    conclusion = Bilingual("Waarschijnlijk verzonden vanaf een schoolcomputer: het bericht kwam van het openbare adres van de school (\(ip)); volgens het firewall-logboek hoorde die verbinding bij intern adres \(m.ip), en \(one(m)).",
                                           "Probably sent from a school computer: the message came from the school's public address (\(ip)); according to the firewall log that connection belonged to internal address \(m.ip), and \(oneEN(m)).")
                    certainty = .redelijk
                } else if devices.count > 1 {
                    conclusion = Bilingual("Verzonden vanaf het internetadres van de school (\(ip)); volgens de firewall-/proxylogboeken kwamen meerdere apparaten in aanmerking: \(list).",
                                           "Sent from the school's internet address (\(ip)); according to the firewall/proxy logs several devices qualify: \(list).")
                    certainty = .laag
                } else {
                    conclusion = Bilingual("Verzonden vanaf het internetadres van de school (\(ip), gedeeld door alle apparaten achter de router): de computer is zonder firewall-/proxylogboeken niet te bepalen.",
                                           "Sent from the school's internet address (\(ip), shared by every device behind the router): the computer cannot be told without firewall/proxy logs.")
                    certainty = .laag
                }
            case .carrierGradeNAT:
                conclusion = Bilingual("Verzonden vanaf een adres buiten de school (\(ip), carrier-grade NAT): mobiele providers delen één adres over veel klanten; zonder poortnummer is ook de provider de klant niet te vinden.",
                                       "Sent from an address outside the school (\(ip), carrier-grade NAT): mobile providers share one address among many subscribers; without a port number even the provider cannot find the subscriber.")
                certainty = .redelijk
            case .publicAddress:
                conclusion = Bilingual("Verzonden vanaf een adres buiten de school (\(ip)), bijvoorbeeld thuis of mobiel. Wie dat adres op dat moment had, weet alleen de internetprovider (op vordering van politie/justitie).",
                                       "Sent from an address outside the school (\(ip)), for example at home or mobile. Only the internet provider knows who had that address at that time (on demand of police/justice).")
                certainty = .redelijk
                notProven.append(Bilingual("Wie dat internetadres had: mobiele providers delen één adres over veel klanten.",
                                           "Who had that internet address: mobile providers share one address among many subscribers."))
            case .otherPrivate:
                conclusion = Bilingual("Verzonden vanaf privé-adres \(ip) dat niet bij de school hoort (bijvoorbeeld een thuisnetwerk of het netwerk van een andere organisatie); het apparaat is daarmee niet aan te wijzen.",
                                       "Sent from private address \(ip), which is not the school's (for example a home network or another organisation's); the device cannot be named from it.")
                certainty = .laag
            case .loopback, .linkLocal:
                conclusion = Bilingual("Ingediend op de mailserver zelf (\(ip)): bijvoorbeeld via webmail of een script op die server; het apparaat staat niet in het bericht.",
                                       "Submitted on the mail server itself (\(ip)): for example through webmail or a script on that server; the device is not in the message.")
                certainty = .laag
            }
            if r.originSource != "received" && certainty > .redelijk { certainty = .redelijk }
        } else if let p = w.provider {
            conclusion = Bilingual("Verzonden via een webmaildienst (\(p)); het adres van het apparaat staat niet in het bericht. Alleen de beheerder van dat account (bij een schoolaccount: de school via de aanmeldlogboeken) kan dit nagaan.",
                                   "Sent through a web mail service (\(p)); the device's address is not in the message. Only the administrator of that account (for a school account: the school, through the sign-in logs) can find out.")
            certainty = .onbekend
        } else {
            conclusion = Bilingual("Herkomst onbekend: het vertrouwde deel van het bericht noemt geen adres van de afzender, en de regels daaronder zijn niet te controleren.",
                                   "Origin unknown: the trusted part of the message names no sender address, and the lines below it cannot be checked.")
            certainty = .onbekend
        }
        if r.findings.contains(where: \.weakens) && certainty > .redelijk {
            certainty = .redelijk
            reasons.append(Bilingual("De zekerheid is verlaagd door een bevinding in het vertrouwde deel (zie bevindingen).",
                                     "Certainty was lowered by a finding in the trusted part (see findings)."))
        }
        if w.stop == .chainBreak && certainty > .laag { certainty = .laag }
        if ambiguousTime {
            reasons.append(Bilingual("Een tijd in het logboek valt in het dubbele uur van de wintertijd-overgang; beide lezingen zijn meegenomen.",
                                     "A time in the log falls in the doubled hour at the end of summer time; both readings were kept."))
        }

        if !devices.isEmpty {
            notProven.insert(Bilingual("Wie er achter de computer zat: daarvoor zijn de aanmeldgegevens van die computer nodig.",
                                       "Who sat at the computer: that needs the computer's own sign-in records."), at: 0)
        }
        if w.trusted.contains(false) {
            notProven.append(Bilingual("Dat de regels onder de vertrouwensgrens echt zijn: die kan de afzender zelf schrijven; ze staan grijs in de tabel.",
                                       "That the lines below the trust boundary are genuine: the sender can write them; they are greyed out in the table."))
        }
        notProven.append(Bilingual("Dat de vertrouwde servers eerlijk en goed ingesteld zijn, en dat hun klokken en die van de logboeken gelijk liepen (aangenomen: binnen ±\(tol) s).",
                                   "That the trusted servers are honest and well configured, and that their clocks and the logs' agreed (assumed: within ±\(tol) s)."))
        r.conclusion = conclusion
        r.certainty = certainty
        r.reasons = reasons
        r.notProven = notProven
    }
}
