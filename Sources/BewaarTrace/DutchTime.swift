import Foundation
import BewaarModel

/// Times for people, in the school's zone: `09:14:02`, `4 maart 2026`.
struct DutchTime {
    let zone: TimeZone
    static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                         "november", "december"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                           "November", "December"]

    private func parts(_ d: Date) -> (y: Int, m: Int, d: Int, time: String, offset: Int) {
        // Dates from hostile headers can be absurd: show year 1 rather than crash.
        let seconds = d.timeIntervalSince1970.isFinite ? d.timeIntervalSince1970 : 0
        let clamped = Date(timeIntervalSince1970: min(max(seconds, -62_135_596_800), 253_402_300_799))
        let t = Timestamp(date: clamped, in: zone).rfc3339
        let c = Array(t)
        return (Int(String(c[0..<4]))!, Int(String(c[5..<7]))!, Int(String(c[8..<10]))!, String(c[11..<19]), zone.secondsFromGMT(for: d))
    }

    func time(_ d: Date, seconds: Bool = false) -> String {
        if d == .distantFuture || d == .distantPast { return "?" }
        let p = parts(d)
        return seconds ? p.time : String(p.time.prefix(5))
    }

    func day(_ d: Date, english: Bool = false) -> String {
        let p = parts(d)
        return english ? "\(p.d) \(Self.monthsEN[p.m - 1]) \(p.y)" : "\(p.d) \(Self.months[p.m - 1]) \(p.y)"
    }

    /// `09:14:02 (4 maart 2026, UTC+01:00)`.
    func full(_ d: Date, english: Bool = false) -> String {
        let p = parts(d)
        let o = p.offset
        let off = String(format: "UTC%@%02d:%02d", o < 0 ? "-" : "+", abs(o) / 3600, abs(o) / 60 % 60)
        return "\(p.time) (\(day(d, english: english)), \(off))"
    }

    /// A span for a sentence: `van 08:55 tot 15:31`, with the date when it is not the send day.
    func span(_ a: Date, _ b: Date, sendDay: Date?, english: Bool = false) -> String {
        func one(_ d: Date) -> String {
            if d == .distantPast { return english ? "(start unknown)" : "(begin onbekend)" }
            if d == .distantFuture { return english ? "(no end in the log)" : "(geen eindtijd in het logboek)" }
            if let s = sendDay, day(s) == day(d) { return time(d) }
            return time(d) + " (" + day(d, english: english) + ")"
        }
        return english ? "from \(one(a)) to \(one(b))" : "van \(one(a)) tot \(one(b))"
    }
}

extension Date {
    /// RFC 3339 in UTC for JSON; null-like text for the open ends.
    var traceJSON: String? {
        if self == .distantPast || self == .distantFuture { return nil }
        return Timestamp(date: self, utcOffsetSeconds: 0).rfc3339
    }
}
