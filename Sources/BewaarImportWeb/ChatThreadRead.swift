import Foundation
import BewaarModel

/// One conversation read from a platform export file: what every platform reader returns.
struct ChatThreadRead {
    var platform: String
    /// Which layout the file follows, e.g. `meta-json`, `meta-html-2022`.
    var layout: String
    var title: String?
    var participants: [String] = []
    var messages: [Message] = []
    var warnings: [ImportWarning] = []
    /// The thread's folder in the export (`…/inbox/daanj_123`), when known.
    var threadPath: String?
    /// Strings repaired from Meta's mojibake.
    var repaired = 0
    /// Records handed on while reading (not in `messages`).
    var streamedCount = 0
    /// The zone assumed for times without one, when any record says so (set by streaming readers).
    var zoneAssumed: String?

    var json: JSONValue {
        let count = messages.count + streamedCount
        return .object([
            "platform": .string(platform), "layout": .string(layout), "title": .string(title),
            "participants": .array(participants.map(JSONValue.string)), "messageCount": .int(count), "threadPath": .string(threadPath),
        ])
    }
}

/// Local wall-clock times without a zone, placed in a zone (DST handled).
enum LocalTime {
    static func timestamp(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0, zone: TimeZone) -> Timestamp? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              (1...9999).contains(year) else { return nil }
        let local = TimeInterval(Timestamp.days(fromCivil: year, month, day) * 86400 + hour * 3600 + minute * 60 + second)
        var offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: local))
        offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: local - TimeInterval(offset)))
        let date = Date(timeIntervalSince1970: local - TimeInterval(offset))
        return Timestamp(date: date, in: zone)
    }

    /// A zone's UTC offsets, remembered per local hour: looking them up is slow and a page
    /// holds many times in few hours.
    final class OffsetCache {
        let zone: TimeZone
        private var byHour: [Int: Int] = [:]
        init(zone: TimeZone) { self.zone = zone }

        /// The offset in force at local wall-clock second `local` (seconds since 1970 as if UTC).
        func offset(local: Int) -> Int {
            let key = local >= 0 ? local / 3600 : (local - 3599) / 3600
            if let o = byHour[key] { return o }
            var o = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
            o = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - o)))
            byHour[key] = o
            return o
        }
    }

    static func timestamp(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0, cache: OffsetCache) -> Timestamp? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              (1...9999).contains(year) else { return nil }
        let local = Timestamp.days(fromCivil: year, month, day) * 86400 + hour * 3600 + minute * 60 + second
        let o = cache.offset(local: local)
        return Timestamp(date: Date(timeIntervalSince1970: TimeInterval(local - o)), utcOffsetSeconds: o)
    }

    static func timestamp(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0, offset: Int) -> Timestamp? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              (1...9999).contains(year) else { return nil }
        let local = Timestamp.days(fromCivil: year, month, day) * 86400 + hour * 3600 + minute * 60 + second
        return Timestamp(date: Date(timeIntervalSince1970: TimeInterval(local - offset)), utcOffsetSeconds: offset)
    }

    /// `2024-03-04 14:07:09` (optionally with ` UTC`), as UTC or in `zone`.
    static func isoLike(_ s: String, zone: TimeZone) -> Timestamp? {
        let t = s.trimmingCharacters(in: .whitespaces)
        let u = Array(t.utf8)
        guard u.count >= 19 else { return nil }
        func num(_ r: Range<Int>) -> Int? { Int(String(decoding: u[r], as: UTF8.self)) }
        guard let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10), let h = num(11..<13), let mi = num(14..<16), let se = num(17..<19)
        else { return nil }
        return timestamp(year: y, month: mo, day: d, hour: h, minute: mi, second: se, zone: zone)
    }

    static let utc = TimeZone(identifier: "UTC")!
}
