import Foundation
import BewaarModel

/// Dates as mail writes them (RFC 5322 and the shapes seen in the wild): optional weekday,
/// `4 Mar 2025 08:14:00 +0100 (CET)`, two-digit years, zone names, `-0000`, asctime order,
/// ISO dates from some relays.
public enum MailDate {
    /// The moment and the offset it was written in; nil when no date can be made of the text.
    public static func parse(_ text: String) -> Timestamp? {
        // Drop comments such as "(CET)".
        var clean = ""
        var depth = 0
        for ch in text {
            if ch == "(" { depth += 1; clean.append(" "); continue }
            if ch == ")" { if depth > 0 { depth -= 1 }; continue }
            if depth == 0 { clean.append(ch) }
        }
        let tokens = clean.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        var day: Int?, month: Int?, year: Int?, h: Int?, mi: Int?, s = 0, offset: Int?
        var numbers: [Int] = []
        var numberIsLong: [Bool] = []
        for var t in tokens {
            if t.utf8.contains(UInt8(ascii: "-")) && t.count == 10, t.first?.isNumber == true {
                // ISO 2020-06-17
                let p = t.split(separator: "-").compactMap { Int($0) }
                if p.count == 3 { year = p[0]; month = p[1]; day = p[2]; continue }
            }
            if t.utf8.contains(UInt8(ascii: "T")), t.count >= 19, t.first?.isNumber == true, let ts = Timestamp(rfc3339: t) { return ts }
            if t.utf8.contains(UInt8(ascii: ":")) , t.first?.isNumber == true {
                let p = t.split(separator: ":")
                if p.count >= 2, let hh = Int(p[0]), let mm = Int(p[1]) {
                    h = hh; mi = mm
                    if p.count >= 3 { s = Int(p[2].prefix(while: { $0.isNumber })) ?? 0 }
                    continue
                }
                // "+01:00"
            }
            if let f = t.first, f == "+" || f == "-", t.count >= 3 {
                t.removeAll { $0 == ":" }
                let digits = t.dropFirst()
                if digits.allSatisfy(\.isNumber), digits.count == 4, let v = Int(digits) {
                    let sec = (v / 100) * 3600 + (v % 100) * 60
                    offset = f == "-" ? -sec : sec
                    continue
                }
                if digits.allSatisfy(\.isNumber), digits.count <= 2, let v = Int(digits) {
                    offset = (f == "-" ? -1 : 1) * v * 3600
                    continue
                }
            }
            if let v = Int(t) {
                numbers.append(v)
                numberIsLong.append(t.count >= 3)
                continue
            }
            let lower = t.lowercased()
            if month == nil, lower.count >= 3, let m = months[String(lower.prefix(3))] { month = m; continue }
            if offset == nil, let z = zones[lower] { offset = z; continue }
        }
        // Day and year from the numbers: a 4-digit one or one above 31 is the year.
        for (k, v) in numbers.enumerated() {
            if year == nil && (numberIsLong[k] || v > 31) { year = v } else if day == nil && v >= 1 && v <= 31 { day = v } else if year == nil { year = v }
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

    static let months: [String: Int] = [
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
