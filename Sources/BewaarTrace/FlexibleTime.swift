import Foundation
import BewaarModel

/// Reads the time forms school exports use: RFC 3339 with an offset or `Z` (exact), epoch
/// seconds or milliseconds, and civil times without a zone (`2026-03-04 10:17:35`,
/// `2026/03/04 10:17:35`, `04-03-2026 10:17:35`, `3/4/2026 10:17:35 AM`), read in the school's
/// zone unless the column says UTC.
enum FlexibleTime {
    static func parse(_ raw: String, utc: Bool, zone: LocalTimeConverter) -> LocalTimeConverter.Result? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        if let t = Timestamp(rfc3339: text) { return .init(instants: [t.date], gap: false) }
        // RFC 3339 with a 7-digit fraction or no seconds fraction issues: drop the fraction.
        if text.count > 20, text.contains("T"), let dot = text.firstIndex(of: "."),
           let endFrac = text[dot...].firstIndex(where: { !$0.isNumber && $0 != "." }) {
            if let t = Timestamp(rfc3339: String(text[..<dot]) + String(text[endFrac...])) { return .init(instants: [t.date], gap: false) }
        }
        if text.allSatisfy(\.isNumber), text.count <= 16, let n = Double(text) {
            let seconds = text.count >= 13 ? n / 1000 : n
            return .init(instants: [Date(timeIntervalSince1970: seconds)], gap: false)
        }
        if text.contains("."), let n = Double(text), n.isFinite, n > 1e9, n < 1e11 { return .init(instants: [Date(timeIntervalSince1970: n)], gap: false) }
        // Civil date and time.
        var t = text.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: ",", with: " ")
        var pm: Bool?
        let upper = t.uppercased()
        if upper.hasSuffix(" PM") { pm = true; t = String(t.dropLast(3)) } else if upper.hasSuffix(" AM") { pm = false; t = String(t.dropLast(3)) }
        var isUTC = utc
        if t.hasSuffix("Z") { isUTC = true; t = String(t.dropLast()) }
        if t.uppercased().hasSuffix(" UTC") { isUTC = true; t = String(t.dropLast(4)) }
        let parts = t.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        let d = parts[0].split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).compactMap { Int($0) }
        let tp = parts[1].split(separator: ":").map { Double($0) }
        guard d.count == 3, tp.count >= 2, tp.allSatisfy({ $0 != nil }) else { return nil }
        var y: Int, m: Int, day: Int
        if d[0] > 31 {
            (y, m, day) = (d[0], d[1], d[2])
        } else if pm != nil || parts[0].contains("/") {
            (m, day, y) = (d[0], d[1], d[2])  // US form of English exports
        } else {
            (day, m, y) = (d[0], d[1], d[2])  // Dutch form
        }
        if y < 100 { y += 2000 }
        var hour = Int(tp[0]!)
        if let pm { hour = hour % 12 + (pm ? 12 : 0) }
        let minute = Int(tp[1]!)
        let second = tp.count > 2 ? tp[2]! : 0
        guard (1...12).contains(m), (1...31).contains(day), (0..<24).contains(hour), (0..<60).contains(minute), (1...9999).contains(y),
              second >= 0, second < 61 else { return nil }
        if isUTC {
            let s = Double(Timestamp.days(fromCivil: y, m, day) * 86400 + hour * 3600 + minute * 60) + second
            return .init(instants: [Date(timeIntervalSince1970: s)], gap: false)
        }
        return zone.convert(year: y, month: m, day: day, hour: hour, minute: minute, second: second)
    }
}
