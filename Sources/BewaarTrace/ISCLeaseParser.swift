import BewaarModel
import Foundation

/// Reads ISC dhcpd `dhcpd.leases` (an append-only journal, times in UTC): IPv4 `lease` blocks
/// and DHCPv6 `ia-na`/`ia-ta` blocks with their `iaaddr`. A block rewritten later for the same
/// address, start and device replaces the earlier one (its end is the true one).
enum ISCLeaseParser {
    static func parse(_ bytes: [UInt8], source: Int, log: inout LogSource) -> [Sighting] {
        var out: [Sighting] = []
        // (address, start) -> position: a later block for the same lease replaces the earlier.
        struct Slot: Hashable { var high: UInt64; var low: UInt64; var start: Int }
        var slot: [Slot: Int] = [:]
        slot.reserveCapacity(bytes.count / 160)
        out.reserveCapacity(bytes.count / 160)
        bytes.withUnsafeBufferPointer { b in
            // Current v4 lease or v6 address.
            var ip: IPAddress?
            var blockLine = 0
            var starts: Int?, ends: Int?, cltt: Int?
            var endsNever = false
            var mac: String?, host: String?, state: String?, duid: [UInt8]?
            var inIA = false
            var iaCLTT: Int?
            func reset() { ip = nil; starts = nil; ends = nil; cltt = nil; endsNever = false; mac = nil; host = nil; state = nil }
            func finish(v6: Bool) {
                defer { reset() }
                guard let ip else { return }
                if state == "abandoned" { return }
                guard let s = starts ?? cltt ?? (v6 ? iaCLTT : nil) else {
                    log.warnings.append("regel \(blockLine): lease voor \(ip) zonder begintijd overgeslagen")
                    return
                }
                let from = Date(timeIntervalSince1970: TimeInterval(s))
                let until = endsNever ? Date.distantFuture : Date(timeIntervalSince1970: TimeInterval(ends ?? s))
                var m = mac
                if v6, m == nil, let d = duid { m = MAC.fromDUID(d) }
                let sighting = Sighting(kind: .lease, ip: ip, from: from, until: until, mac: m, host: host,
                                        device: v6 ? duid.map { $0.map { String(format: "%02x", $0) }.joined(separator: ":") } : nil,
                                        detail: state, source: source, line: blockLine)
                log.cover(from)
                log.cover(until)
                let key = Slot(high: ip.high, low: ip.low, start: s)
                if let k = slot[key] { out[k] = sighting } else { slot[key] = out.count; out.append(sighting) }
                log.records += 1
            }
            func time(_ i: Int, _ end: Int) -> (Int?, Bool) {
                // `2 2025/03/04 07:55:12;`, `epoch 1741074912;`, `never;`
                let j = ByteText.skipBlanks(b, i, end)
                if ByteText.hasPrefix(b, j, end, "never") { return (nil, true) }
                if ByteText.hasPrefix(b, j, end, "epoch") {
                    return (ByteText.number(b, ByteText.skipBlanks(b, j + 5, end), end).flatMap { $0.0 < 100_000_000_000 ? $0.0 : nil }, false)
                }
                guard let (_, k) = ByteText.number(b, j, end) else { return (nil, false) }
                return (ByteText.civilSeconds(b, ByteText.skipBlanks(b, k, end), end), false)
            }
            func valueUntilSemicolon(_ i: Int, _ end: Int) -> String {
                var e = end
                while e > i, b[e - 1] == 0x3B || b[e - 1] == 0x20 { e -= 1 }
                return ByteText.string(b, ByteText.skipBlanks(b, i, e), e)
            }
            var v6Address = false
            ByteText.forEachLine(b) { n, s, e in
                let i = ByteText.skipBlanks(b, s, e)
                guard i < e else { return }
                let c = b[i]
                if c == 0x23 { return }  // comment
                if c == 0x7D {  // }
                    if ip != nil {
                        finish(v6: v6Address)
                        v6Address = false
                    } else if inIA {
                        inIA = false
                        duid = nil
                        iaCLTT = nil
                    }
                    return
                }
                if ByteText.hasPrefix(b, i, e, "lease ") {
                    reset()
                    var j = i + 6
                    let st = j
                    while j < e, b[j] != 0x20, b[j] != 0x7B { j += 1 }
                    ip = IPAddress(ByteText.string(b, st, j))
                    blockLine = n
                    v6Address = false
                    if ip == nil { log.warnings.append("regel \(n): onleesbaar adres in lease-blok") }
                    return
                }
                if ByteText.hasPrefix(b, i, e, "ia-na ") || ByteText.hasPrefix(b, i, e, "ia-ta ") {
                    inIA = true
                    iaCLTT = nil
                    duid = nil
                    // The quoted IAID (4 bytes) + DUID, with octal escapes.
                    if let q = (i..<e).first(where: { b[$0] == 0x22 }) {
                        var bytes: [UInt8] = []
                        var k = q + 1
                        while k < e, b[k] != 0x22 {
                            if b[k] == 0x5C, k + 1 < e {
                                if k + 3 < e, (0x30...0x37).contains(b[k + 1]), (0x30...0x37).contains(b[k + 2]), (0x30...0x37).contains(b[k + 3]) {
                                    bytes.append(UInt8(truncatingIfNeeded: Int(b[k + 1] - 0x30) * 64 + Int(b[k + 2] - 0x30) * 8 + Int(b[k + 3] - 0x30)))
                                    k += 4
                                } else {
                                    bytes.append(b[k + 1])
                                    k += 2
                                }
                            } else {
                                bytes.append(b[k])
                                k += 1
                            }
                        }
                        if bytes.count > 4 { duid = Array(bytes[4...]) }
                    }
                    return
                }
                if inIA, ByteText.hasPrefix(b, i, e, "iaaddr ") {
                    reset()
                    var j = i + 7
                    let st = j
                    while j < e, b[j] != 0x20, b[j] != 0x7B { j += 1 }
                    ip = IPAddress(ByteText.string(b, st, j))
                    blockLine = n
                    v6Address = true
                    return
                }
                if ByteText.hasPrefix(b, i, e, "starts ") { starts = time(i + 7, e).0; return }
                if ByteText.hasPrefix(b, i, e, "ends ") { let t = time(i + 5, e); ends = t.0; endsNever = t.1; return }
                if ByteText.hasPrefix(b, i, e, "cltt ") {
                    let t = time(i + 5, e).0
                    if ip == nil && inIA { iaCLTT = t } else { cltt = t }
                    return
                }
                if ByteText.hasPrefix(b, i, e, "binding state ") { state = valueUntilSemicolon(i + 14, e); return }
                if ByteText.hasPrefix(b, i, e, "hardware ethernet ") { mac = MAC.normalise(valueUntilSemicolon(i + 18, e)); return }
                if ByteText.hasPrefix(b, i, e, "client-hostname ") {
                    var a = ByteText.skipBlanks(b, i + 16, e), z = e
                    while z > a, b[z - 1] == 0x3B || b[z - 1] == 0x20 { z -= 1 }
                    if z - a >= 2, b[a] == 0x22, b[z - 1] == 0x22 { a += 1; z -= 1 }
                    host = ByteText.string(b, a, z)
                    return
                }
            }
        }
        return out
    }
}
