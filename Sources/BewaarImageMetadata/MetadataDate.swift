/// A date as metadata write it: EXIF "2026:03:12 20:14:55" or XMP/ISO 8601
/// "2026-03-12T20:14:55+01:00", with the offset when it is known.
struct MetadataDate: Sendable {
    /// Seconds since 0001-01-01 of the local (wall-clock) time.
    var localSeconds: Int
    /// Minutes east of UTC, when known.
    var offsetMinutes: Int?

    /// Parses an EXIF or ISO 8601 date; `offset` ("+01:00") applies when the text has none. Nil when unreadable.
    init?(_ text: String, offset: String? = nil) {
        let s = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from >= 0, from + count <= s.count else { return nil }
            var n = 0
            for b in s[from..<(from + count)] {
                guard b >= 48 && b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        guard let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2), (1...12).contains(mo), (1...31).contains(d) else { return nil }
        let h = number(11, 2) ?? 0, mi = number(14, 2) ?? 0
        var sec = 0
        var rest = 16
        if s.count > 16, s[16] == UInt8(ascii: ":") {
            sec = number(17, 2) ?? 0
            rest = 19
        }
        guard h < 24, mi < 60, sec < 61 else { return nil }
        // Skip fractional seconds.
        if rest < s.count, s[rest] == UInt8(ascii: ".") {
            rest += 1
            while rest < s.count, s[rest] >= 48 && s[rest] <= 57 { rest += 1 }
        }
        localSeconds = ((Self.days(y, mo, d) * 24 + h) * 60 + mi) * 60 + sec
        if rest < s.count, s.count > 11 {
            offsetMinutes = Self.offset(String(decoding: s[rest...], as: UTF8.self))
        } else {
            offsetMinutes = offset.flatMap(Self.offset)
        }
    }

    /// Minutes east of UTC from "Z", "+01:00", "-0530"; nil when unreadable.
    static func offset(_ text: String) -> Int? {
        let t = text.trimmingSpaces()
        if t == "Z" { return 0 }
        let s = Array(t.utf8)
        guard s.count == 6 || s.count == 5, s[0] == UInt8(ascii: "+") || s[0] == UInt8(ascii: "-") else { return nil }
        let digits = s.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard digits.count == 4, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let v = digits.map { Int($0 - 48) }
        let minutes = (v[0] * 10 + v[1]) * 60 + v[2] * 10 + v[3]
        guard minutes <= 18 * 60 else { return nil }
        return s[0] == UInt8(ascii: "-") ? -minutes : minutes
    }

    /// Days since 0001-01-01 of a proleptic Gregorian date.
    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let yy = m <= 2 ? y - 1 : y
        let era = yy / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe
    }

    /// Seconds from `other` to `self`: in UTC when both offsets are known, else wall clock to wall clock.
    func seconds(since other: MetadataDate) -> Int {
        if let a = offsetMinutes, let b = other.offsetMinutes {
            return (localSeconds - a * 60) - (other.localSeconds - b * 60)
        }
        return localSeconds - other.localSeconds
    }
}
