import Foundation
import BewaarModel

/// Converts civil times written without an offset (Windows DHCP, syslog, local CSV) to UTC in
/// the school's zone. In the doubled October hour a time has two meanings: both are kept. In
/// the skipped March hour a time has none: the offset before the change is used and flagged.
final class LocalTimeConverter {
    let zone: TimeZone
    private var cache: [Int: [Int]] = [:]

    init(zone: TimeZone) { self.zone = zone }

    /// A local time in UTC: one instant, or two in the doubled hour. `gap` is true when the
    /// local time does not exist (skipped hour).
    struct Result {
        var instants: [Date]
        var gap: Bool
        var earliest: Date { instants.min()! }
        var latest: Date { instants.max()! }
        var ambiguous: Bool { instants.count > 1 }
    }

    func convert(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double) -> Result {
        let local = Timestamp.days(fromCivil: year, month, day) * 86400 + hour * 3600 + minute * 60
        return convert(localSeconds: Double(local) + second)
    }

    /// `localSeconds`: the civil time counted as if it were UTC.
    func convert(localSeconds: Double) -> Result {
        let hourKey = Int(floor(localSeconds / 3600))
        let offsets: [Int]
        if let c = cache[hourKey] {
            offsets = c
        } else {
            var found: Set<Int> = []
            for probe in [-14.0, 0, 14] {
                found.insert(zone.secondsFromGMT(for: Date(timeIntervalSince1970: localSeconds + probe * 3600)))
            }
            offsets = found.sorted()
            cache[hourKey] = offsets
        }
        var instants: [Date] = []
        for o in offsets {
            let u = localSeconds - Double(o)
            if zone.secondsFromGMT(for: Date(timeIntervalSince1970: u)) == o { instants.append(Date(timeIntervalSince1970: u)) }
        }
        if instants.isEmpty {
            // Skipped hour: read with the offset in force just before it.
            let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: localSeconds - 86400))
            return Result(instants: [Date(timeIntervalSince1970: localSeconds - Double(before))], gap: true)
        }
        return Result(instants: instants.sorted(), gap: false)
    }
}
