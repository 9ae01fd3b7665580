import Foundation
import BewaarModel

/// Dates as mail writes them (RFC 5322 and the shapes seen in the wild): optional weekday,
/// `4 Mar 2025 08:14:00 +0100 (CET)`, two-digit years, zone names, `-0000`, asctime order,
/// ISO dates from some relays.
public enum MailDate {
    /// The moment and the offset it was written in; nil when no date can be made of the text.
    public static func parse(_ text: String) -> Timestamp? {
        // Work on bytes; comments such as "(CET)" become blanks.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var depth = 0
        for c in text.utf8 {
            if c == 0x28 { depth += 1; bytes.append(0x20); continue }
            if c == 0x29 { if depth > 0 { depth -= 1 }; continue }
            if depth == 0 { bytes.append(c) }
        }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func number(_ t: ArraySlice<UInt8>) -> Int? {
            guard !t.isEmpty, t.count <= 9 else { return nil }
            var v = 0
            for c in t { guard isDigit(c) else { return nil }; v = v * 10 + Int(c - 0x30) }
            return v
        }
        var day: Int?, month: Int?, year: Int?, h: Int?, mi: Int?, s = 0, offset: Int?
        var numbers: [(value: Int, long: Bool)] = []
        var i = 0
        let n = bytes.count
        while i < n {
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x2C || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
            let start = i
            while i < n, !(bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x2C || bytes[i] == 0x0D || bytes[i] == 0x0A) { i += 1 }
            guard i > start else { continue }
            let t = bytes[start..<i]
            let first = t[start]
            if isDigit(first) {
                if t.count == 10, t[start + 4] == 0x2D, t[start + 7] == 0x2D,
                   let y = number(t[start..<(start + 4)]), let m = number(t[(start + 5)..<(start + 7)]), let d = number(t[(start + 8)..<(start + 10)]) {
                    year = y; month = m; day = d
                    continue
                }
                if t.count >= 19, t.contains(0x54), let ts = Timestamp(rfc3339: String(decoding: t, as: UTF8.self)) { return ts }
                if t.contains(0x3A) {
                    let parts = t.split(separator: 0x3A, omittingEmptySubsequences: false)
                    if parts.count >= 2, let hh = number(parts[0]), let mm = number(parts[1]) {
                        h = hh; mi = mm
                        if parts.count >= 3 { s = number(parts[2].prefix(while: isDigit)) ?? 0 }
                    }
                    continue
                }
                if let v = number(t) { numbers.append((v, t.count >= 3)) }
                continue
            }
            if (first == 0x2B || first == 0x2D) && t.count >= 3 {
                let digits = t.dropFirst().filter { $0 != 0x3A }
                if digits.count == 4, let v = number(digits[...]) {
                    let sec = (v / 100) * 3600 + (v % 100) * 60
                    offset = first == 0x2D ? -sec : sec
                    continue
                }
                if digits.count <= 2, let v = number(digits[...]) {
                    offset = (first == 0x2D ? -1 : 1) * v * 3600
                    continue
                }
                continue
            }
            guard t.count <= 12 else { continue }
            let lower = String(decoding: t.map { LineEnds.lower($0) }, as: UTF8.self)
            if month == nil, t.count >= 3, let m = months[String(lower.prefix(3))] { month = m; continue }
            if offset == nil, let z = zones[lower] { offset = z; continue }
        }
        // Day and year from the numbers: a 3- or 4-digit one or one above 31 is the year.
        for (v, long) in numbers {
            if year == nil && (long || v > 31) { year = v } else if day == nil && v >= 1 && v <= 31 { day = v } else if year == nil { year = v }
        }
        guard let d = day, let m = month, var y = year, (1...12).contains(m), (1...31).contains(d) else { return nil }
        if y < 50 { y += 2000 } else if y < 100 { y += 1900 } else if y < 1000 { y += 1900 }
        let hh = h ?? 0, mm = mi ?? 0
        guard hh < 24, mm < 60, s < 61 else { return nil }
        let off = offset ?? 0
        let days = Timestamp.days(fromCivil: y, m, d)
        let local = Double(days * 86400 + hh * 3600 + mm * 60 + s)
        return Timestamp(date: Date(timeIntervalSince1970: local - Double(off)), utcOffsetSeconds: off)
    }

    /// Month abbreviations (English, and the Dutch ones seen in hand-written dates), 1-based.
    public static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
        // Dutch abbreviations seen in hand-written dates.
        "mrt": 3, "mei": 5, "okt": 10,
    ]

    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "edt": -4 * 3600, "est": -5 * 3600, "cdt": -5 * 3600, "cst": -6 * 3600,
        "mdt": -6 * 3600, "mst": -7 * 3600, "pdt": -7 * 3600, "pst": -8 * 3600, "cet": 3600, "cest": 7200, "met": 3600,
        "mest": 7200, "bst": 3600, "wet": 0, "west": 3600, "eet": 7200, "eest": 10800,
    ]
}
