import BewaarModel
import Foundation

/// Reads Squid's native `access.log`: `time.ms elapsed client result/status bytes method URL
/// user hierarchy/peer type`. Each request is a proxy sighting of its client address.
enum SquidParser {
    static func looksLike(_ lines: [Substring]) -> Bool {
        var good = 0, bad = 0
        for l in lines.prefix(20) where !l.isEmpty {
            let f = l.split(separator: " ", omittingEmptySubsequences: true)
            if f.count >= 7, Double(f[0]) != nil, f[0].contains("."), Int(f[1]) != nil, IPAddress(f[2]) != nil, f[3].contains("/") {
                good += 1
            } else {
                bad += 1
            }
        }
        return good > 0 && good >= bad * 2
    }

    static func parse(_ text: String, source: Int, log: inout LogSource) -> [Sighting] {
        var out: [Sighting] = []
        for (i, l) in LogText.lines(text).enumerated() where !l.isEmpty {
            let f = l.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard f.count >= 7, let t = Double(f[0]), let elapsed = Double(f[1]), t.isFinite, elapsed.isFinite, abs(t) < 1e11,
                  abs(elapsed) < 1e12, let ip = IPAddress(f[2]) else {
                log.warnings.append("regel \(i + 1): onleesbare proxyregel overgeslagen")
                continue
            }
            let until = Date(timeIntervalSince1970: t)
            let from = until.addingTimeInterval(-elapsed / 1000)
            let user = f.count > 7 && f[7] != "-" ? f[7] : nil
            out.append(Sighting(kind: .proxy, ip: ip, from: from, until: until, user: user,
                                detail: "\(f[5]) \(f[6]) (\(f[3]))", source: source, line: i + 1))
            log.cover(from)
            log.records += 1
        }
        return out
    }

    /// The host a request went to (`outlook.office365.com` from `CONNECT outlook.office365.com:443`
    /// or `http://host/path`).
    static func host(ofDetail detail: String) -> String? {
        let parts = detail.split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var u = String(parts[1])
        if let r = u.range(of: "://") { u = String(u[r.upperBound...]) }
        u = String(u.prefix { $0 != "/" })
        if let at = u.lastIndex(of: "@") { u = String(u[u.index(after: at)...]) }
        if let colon = u.lastIndex(of: ":"), !u.hasSuffix("]") { u = String(u[..<colon]) }
        return u.lowercased()
    }
}
