import Foundation
import BewaarModel

/// Times as Meta's HTML exports show them: local, without a zone, in the account's language.
/// "Mar 04, 2024 3:07 pm" (2023+), "Mar 04, 2024, 3:07 PM" (2018–2022), "Friday, October 4,
/// 2013 at 10:05pm PDT" (≤2017), and Dutch month names ("4 mrt. 2024 15:07").
enum MetaTimeText {
    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "mrt": 3, "maa": 3, "apr": 4, "may": 5, "mei": 5, "jun": 6, "jul": 7, "aug": 8,
        "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12,
    ]
    static let zones: [String: Int] = ["utc": 0, "gmt": 0, "cet": 3600, "cest": 7200, "pst": -28800, "pdt": -25200,
                                       "est": -18000, "edt": -14400, "cst": -21600, "cdt": -18000, "mst": -25200, "mdt": -21600,
                                       "bst": 3600, "wet": 0, "west": 3600]

    /// Parses the text; nil when it is not a time. `zoneGiven` tells whether the text named a zone.
    static func parse(_ text: String, zone: TimeZone) -> (Timestamp, zoneGiven: Bool)? {
        let lowered = text.lowercased().replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: ".", with: " ")
        let tokens = lowered.split(whereSeparator: { $0 == " " || $0 == "\u{202F}" || $0 == "\u{00A0}" }).map(String.init)
        var month: Int?, day: Int?, year: Int?, hour: Int?, minute: Int?, second = 0
        var pm: Bool?, offset: Int?
        for tok in tokens {
            if tok.contains(":") {
                var t = tok
                if t.hasSuffix("am") || t.hasSuffix("pm") { pm = t.hasSuffix("pm"); t = String(t.dropLast(2)) }
                let hms = t.split(separator: ":").map { Int($0) }
                guard hms.count >= 2, let h = hms[0], let m = hms[1] else { return nil }
                hour = h; minute = m
                if hms.count > 2, let s = hms[2] { second = s }
            } else if tok == "am" || tok == "pm" {
                pm = tok == "pm"
            } else if let z = zones[tok] {
                offset = z
            } else if let n = Int(tok) {
                if tok.count == 4 { year = n } else if day == nil { day = n }
            } else if month == nil, tok.count >= 3, let m = months[String(tok.prefix(3))] {
                month = m
            }
        }
        guard let month, let day, let year, var h = hour, let minute else { return nil }
        if let pm {
            guard (1...12).contains(h) else { return nil }
            if pm && h < 12 { h += 12 }
            if !pm && h == 12 { h = 0 }
        }
        if let offset {
            guard let z = TimeZone(secondsFromGMT: offset),
                  let t = LocalTime.timestamp(year: year, month: month, day: day, hour: h, minute: minute, second: second, zone: z) else { return nil }
            return (Timestamp(date: t.date, utcOffsetSeconds: offset), true)
        }
        guard let t = LocalTime.timestamp(year: year, month: month, day: day, hour: h, minute: minute, second: second, zone: zone) else { return nil }
        return (t, false)
    }
}
