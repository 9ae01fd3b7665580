import Foundation

/// How a local wall-clock time maps onto instants in a zone.
enum LocalTimeResolution: Sendable, Equatable {
    /// Exactly one instant: the offset in seconds east of UTC.
    case single(Int)
    /// The hour that happens twice when clocks go back: the first (summer) and second offset.
    case doubled(first: Int, second: Int)
    /// The hour skipped when clocks go forward: the offset in force just before.
    case skipped(Int)
}

/// Converts local wall-clock times (as seconds since 1970 "as if UTC") to offsets in a zone,
/// DST-correct, with a cache per quarter hour (WhatsApp times cluster, the zone lookup does not).
struct LocalTimeConverter {
    let zone: TimeZone
    private var cache: [Int64: LocalTimeResolution] = [:]
    private var lastKey: Int64 = .min
    private var last: LocalTimeResolution = .single(0)
    /// A local day without any offset change near it: one offset for all its times.
    private var uniformDay: Int64 = .min
    private var uniformOffset = 0

    init(zone: TimeZone) {
        self.zone = zone
    }

    mutating func resolve(local: Int64) -> LocalTimeResolution {
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        if day == uniformDay { return .single(uniformOffset) }
        // No zone changes its offset twice within three days: equal offsets a day before and two
        // days after mean one offset for the whole day.
        let before = offset(at: day * 86_400 - 86_400)
        if before == offset(at: day * 86_400 + 2 * 86_400) {
            uniformDay = day
            uniformOffset = before
            return .single(before)
        }
        let key = local >= 0 ? local / 900 : (local - 899) / 900
        if key == lastKey { return last }
        lastKey = key
        if let r = cache[key] { last = r; return r }
        let r = compute(local: key * 900)
        cache[key] = r
        last = r
        return r
    }

    private func offset(at utc: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc)))
    }

    private func compute(local: Int64) -> LocalTimeResolution {
        let before = offset(at: local - 86_400)
        let after = offset(at: local + 86_400)
        let candidates = before == after ? [before] : [max(before, after), min(before, after)]
        let valid = candidates.filter { offset(at: local - Int64($0)) == $0 }
        if valid.count == 2 { return .doubled(first: valid[0], second: valid[1]) }
        if let o = valid.first { return .single(o) }
        // Neither offset yields this wall-clock time: the skipped hour.
        return .skipped(before)
    }
}
