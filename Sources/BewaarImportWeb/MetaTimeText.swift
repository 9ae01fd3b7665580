import Foundation
import BewaarModel

/// Times as Meta's HTML exports show them: local, without a zone, in the account's language.
/// "Mar 04, 2024 3:07 pm" (2023+), "Mar 04, 2024, 3:07 PM" (2018–2022), "Friday, October 4,
/// 2013 at 10:05pm PDT" (≤2017), and Dutch month names ("4 mrt. 2024 15:07").
/// Read byte by byte: a Messenger page holds hundreds of thousands of them.
enum MetaTimeText {
    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "mrt": 3, "maa": 3, "apr": 4, "may": 5, "mei": 5, "jun": 6, "jul": 7, "aug": 8,
        "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12,
    ]
    static let zones: [String: Int] = ["utc": 0, "gmt": 0, "cet": 3600, "cest": 7200, "pst": -28800, "pdt": -25200,
                                       "est": -18000, "edt": -14400, "cst": -21600, "cdt": -18000, "mst": -25200, "mdt": -21600,
                                       "bst": 3600, "wet": 0, "west": 3600]

    /// Parses the text; nil when it is not a time. `zoneGiven` tells whether the text named a zone.
    static func parse(_ text: String, zone: TimeZone, cache: LocalTime.OffsetCache? = nil) -> (Timestamp, zoneGiven: Bool)? {
        var u = Array(text.utf8)
        if u.count > 200 { return nil }
        // Separators: space, comma, period, and the no-break spaces U+00A0 / U+202F.
        var i = 0
        while i < u.count {
            if u[i] == 0xC2, i + 1 < u.count, u[i + 1] == 0xA0 { u[i] = 0x20; u[i + 1] = 0x20 }
            if u[i] == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0xAF { u[i] = 0x20; u[i + 1] = 0x20; u[i + 2] = 0x20 }
            if u[i] >= 0x41 && u[i] <= 0x5A { u[i] |= 0x20 }
            i += 1
        }
        var month: Int?, day: Int?, year: Int?, hour: Int?, minute: Int?, second = 0
        var pm: Bool?, offset: Int?
        i = 0
        while i < u.count {
            let c = u[i]
            if c == 0x20 || c == 0x2C || c == 0x2E { i += 1; continue }
            var j = i
            while j < u.count, !(u[j] == 0x20 || u[j] == 0x2C || u[j] == 0x2E) { j += 1 }
            let tok = u[i..<j]
            i = j
            if tok.contains(0x3A) {
                var t = tok
                if t.count > 2, t.last == 0x6D, t[t.endIndex - 2] == 0x61 || t[t.endIndex - 2] == 0x70 {
                    pm = t[t.endIndex - 2] == 0x70; t = t.dropLast(2)
                }
                var parts: [Int] = []
                var v = 0, digits = 0
                for ch in t {
                    if ch == 0x3A { guard digits > 0 else { return nil }; parts.append(v); v = 0; digits = 0; continue }
                    guard ch >= 0x30 && ch <= 0x39, digits < 3 else { return nil }
                    v = v * 10 + Int(ch - 0x30); digits += 1
                }
                guard digits > 0 else { return nil }
                parts.append(v)
                guard parts.count >= 2 else { return nil }
                hour = parts[0]; minute = parts[1]
                if parts.count > 2 { second = parts[2] }
                continue
            }
            if tok.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                guard tok.count <= 4 else { continue }
                var v = 0
                for ch in tok { v = v * 10 + Int(ch - 0x30) }
                if tok.count == 4 { year = v } else if day == nil { day = v }
                continue
            }
            if tok.count == 2 && tok.last == 0x6D && (tok.first == 0x61 || tok.first == 0x70) { pm = tok.first == 0x70; continue }
            let s = String(decoding: tok, as: UTF8.self)
            if let z = zones[s] { offset = z; continue }
            if month == nil, tok.count >= 3, let m = months[String(s.prefix(3))] { month = m }
        }
        guard let month, let day, let year, var h = hour, let minute else { return nil }
        if let pm {
            guard (1...12).contains(h) else { return nil }
            if pm && h < 12 { h += 12 }
            if !pm && h == 12 { h = 0 }
        }
        if let offset {
            guard let t = LocalTime.timestamp(year: year, month: month, day: day, hour: h, minute: minute, second: second, offset: offset) else { return nil }
            return (t, true)
        }
        let c = cache ?? LocalTime.OffsetCache(zone: zone)
        guard let t = LocalTime.timestamp(year: year, month: month, day: day, hour: h, minute: minute, second: second, cache: c) else { return nil }
        return (t, false)
    }
}
