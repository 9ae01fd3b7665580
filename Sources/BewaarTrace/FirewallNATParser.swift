import BewaarModel
import Foundation

/// Reads a firewall NAT/session log exported as CSV with named columns: the session start
/// (and end or duration), the internal source address and the translated (public) source
/// address, optionally ports, destination and user. Each row is a NAT sighting of the public
/// address.
enum FirewallNATParser {
    static let start = ["start", "starttime", "sessionstart", "begin", "time", "timestamp", "datetime", "date", "receivetime",
                        "generatedtime", "startutc", "timeutc", "timestamputc"]
    static let end = ["end", "endtime", "sessionend", "stop", "stoptime", "endutc"]
    static let duration = ["duration", "durationseconds", "durations", "elapsedtime", "elapsedtimesec", "elapsed"]
    static let source = ["src", "srcip", "source", "sourceip", "sourceaddress", "internalip", "internaladdress", "origsrc",
                         "originalsource", "clientip", "srcaddr"]
    static let sourcePort = ["srcport", "sourceport", "sport", "internalport"]
    static let translated = ["natsrc", "natsrcip", "natsource", "natsourceip", "natsourceaddress", "translatedsrc",
                             "translatedsource", "translatedip", "translatedsourceip", "translatedaddress", "xlatesrc",
                             "postnatsource", "postnatsrc", "publicip", "publicaddress", "natip", "natsrcaddr", "natsrcaddress"]
    static let translatedPort = ["natsport", "natsrcport", "natsourceport", "translatedport", "translatedsourceport",
                                 "xlatesport", "publicport", "natport"]
    static let destination = ["dst", "dstip", "destination", "destinationip", "destinationaddress", "dstaddr"]
    static let destinationPort = ["dstport", "destinationport", "dport"]
    static let user = ["user", "srcuser", "sourceuser", "username"]

    static func recognises(_ t: CSVTable) -> Bool {
        t.column(start) != nil && t.column(source) != nil && t.column(translated) != nil
    }

    static func parse(_ t: CSVTable, source: Int, zone: LocalTimeConverter, log: inout LogSource) -> [Sighting] {
        let cStart = t.column(start)!, cSrc = t.column(Self.source)!, cNat = t.column(translated)!
        let cEnd = t.column(end), cDur = t.column(duration), cSPort = t.column(sourcePort), cNPort = t.column(translatedPort)
        let cDst = t.column(destination), cDPort = t.column(destinationPort), cUser = t.column(user)
        let utc = t.folded[cStart].contains("utc")
        var out: [Sighting] = []
        for (line, f) in t.rows {
            guard let st = CSVTable.value(f, cStart), let r = FlexibleTime.parse(st, utc: utc, zone: zone),
                  let src = CSVTable.value(f, cSrc).flatMap({ IPAddress($0) }),
                  let nat = CSVTable.value(f, cNat).flatMap({ IPAddress($0) }) else {
                log.warnings.append("regel \(line): NAT-regel zonder leesbare tijd of adressen overgeslagen")
                continue
            }
            var until = r.latest
            if let e = CSVTable.value(f, cEnd), let re = FlexibleTime.parse(e, utc: utc, zone: zone) {
                until = re.latest
            } else if let d = CSVTable.value(f, cDur), let secs = Double(d), secs.isFinite, secs >= 0, secs < 1e9 {
                until = r.latest.addingTimeInterval(secs)
            }
            var detail = "\(src)"
            if let p = CSVTable.value(f, cSPort) { detail += ":\(p)" }
            detail += " → \(nat)"
            if let p = CSVTable.value(f, cNPort) { detail += ":\(p)" }
            if let d = CSVTable.value(f, cDst) { detail += " → \(d)" + (CSVTable.value(f, cDPort).map { ":\($0)" } ?? "") }
            var s = Sighting(kind: .nat, ip: nat, from: r.earliest, until: until, user: CSVTable.value(f, cUser), internalIP: src,
                             port: CSVTable.value(f, cNPort).flatMap { Int($0) }, detail: detail, source: source, line: line)
            s.ambiguousTime = r.ambiguous
            s.gapTime = r.gap
            out.append(s)
            log.cover(r.earliest)
            log.cover(until)
            log.records += 1
        }
        return out
    }

    /// Destination port of a NAT sighting's detail, if written.
    static func destinationPort(_ detail: String?) -> Int? {
        guard let d = detail, let last = d.components(separatedBy: " → ").dropFirst(2).first,
              let colon = last.lastIndex(of: ":") else { return nil }
        return Int(last[last.index(after: colon)...])
    }
}
