import BewaarModel
import Foundation

/// Reads Windows DHCP Server audit logs (`DhcpSrvLog-*.log`, `DhcpV6SrvLog-*.log`): a free-text
/// preamble, then a CSV header and rows with `MM/DD/YY` dates in the server's local time.
/// Columns are found by name; the trailing `.` of the header is tolerated.
enum WindowsDHCPParser {
    /// Event ids (v4 and v6) and what they do to a lease.
    static func action(_ id: Int) -> LeaseEvent.Action? {
        switch id {
        case 10, 20, 11002, 11003: return .start
        case 11, 11004, 11005: return .renew
        case 12, 16, 17, 18, 11006, 11007, 11016, 11018: return .end
        default: return nil
        }
    }

    static func headerIndex(_ lines: [Substring]) -> Int? {
        lines.prefix(200).firstIndex { $0.hasPrefix("ID,Date,Time,Description") }
    }

    static func parse(_ text: String, source: Int, zone: LocalTimeConverter, log: inout LogSource) -> [LeaseEvent] {
        let lines = LogText.lines(text)
        guard let h = headerIndex(lines), let table = CSVTable(lines: lines, headerIndex: h) else { return [] }
        let cID = table.column(["id"]), cDate = table.column(["date"]), cTime = table.column(["time"])
        let cDesc = table.column(["description"])
        let cIP = table.column(["ipaddress", "ipv6address"])
        let cHost = table.column(["hostname"])
        let cMAC = table.column(["macaddress"])
        let cDUID = table.column(["duidbyteshex", "duidbytes"])
        var out: [LeaseEvent] = []
        for (line, f) in table.rows {
            guard let idText = CSVTable.value(f, cID), let id = Int(idText) else { continue }
            guard let d = CSVTable.value(f, cDate), let t = CSVTable.value(f, cTime) else { continue }
            let dp = d.split(separator: "/").compactMap { Int($0) }
            let tp = t.split(separator: ":").compactMap { Int($0) }
            guard dp.count == 3, tp.count == 3, (1...12).contains(dp[0]), (1...31).contains(dp[1]), (0...9999).contains(dp[2]),
                  (0..<24).contains(tp[0]), (0..<60).contains(tp[1]), (0..<61).contains(tp[2]) else {
                log.warnings.append("regel \(line): onleesbare datum/tijd '\(d) \(t)'")
                continue
            }
            let year = dp[2] < 100 ? 2000 + dp[2] : dp[2]
            let r = zone.convert(year: year, month: dp[0], day: dp[1], hour: tp[0], minute: tp[1], second: Double(tp[2]))
            // Every dated row (also "log started") shows the span the log covers.
            log.cover(r.earliest)
            log.cover(r.latest)
            guard let act = action(id) else { continue }
            guard let ipText = CSVTable.value(f, cIP), let ip = IPAddress(ipText) else {
                log.warnings.append("regel \(line): rij zonder leesbaar adres overgeslagen")
                continue
            }
            var mac = CSVTable.value(f, cMAC).flatMap(MAC.normalise)
            var device: String?
            if let duidText = CSVTable.value(f, cDUID), let bytes = MAC.hexBytes(duidText) {
                device = bytes.map { String(format: "%02x", $0) }.joined(separator: ":")
                if mac == nil { mac = MAC.fromDUID(bytes) }
            }
            let host = CSVTable.value(f, cHost)
            out.append(LeaseEvent(ip: ip, at: r.earliest, atLatest: r.latest, action: act, mac: mac, host: host, device: device,
                                  detail: "\(id) \(CSVTable.value(f, cDesc) ?? "")", source: source, line: line,
                                  ambiguous: r.ambiguous, gap: r.gap))
            log.records += 1
        }
        return out
    }
}
