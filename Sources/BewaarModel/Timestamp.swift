import Foundation

/// A moment with the UTC offset it was written in, e.g. `2026-03-02T21:14:00+01:00`.
/// Chats carry local times; the offset says which zone was applied to them.
public struct Timestamp: Hashable, Sendable, Comparable {
    /// The instant.
    public var date: Date
    /// Seconds east of UTC in which the moment is shown.
    public var utcOffsetSeconds: Int

    public init(date: Date, utcOffsetSeconds: Int) {
        self.date = date
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The instant shown in `zone`'s offset at that instant.
    public init(date: Date, in zone: TimeZone) {
        self.init(date: date, utcOffsetSeconds: zone.secondsFromGMT(for: date))
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.date < b.date }

    /// RFC 3339 with the offset (`Z` only for UTC), with fractional seconds only when present.
    /// Formatted by hand (no `String(format:)`): exports write one per record.
    public var rfc3339: String {
        var u: [UInt8] = []
        u.reserveCapacity(29)
        writeRFC3339(into: &u)
        return String(decoding: u, as: UTF8.self)
    }

    /// Appends ``rfc3339`` as UTF-8 bytes (built on the stack, appended once).
    public func writeRFC3339(into out: inout [UInt8]) {
        var seconds = date.timeIntervalSince1970 + Double(utcOffsetSeconds)
        let whole = floor(seconds)
        let millis = Int(((seconds - whole) * 1000).rounded())
        seconds = whole
        let days = Int(floor(seconds / 86400))
        let secOfDay = Int(seconds) - days * 86400
        let (y, m, d) = Timestamp.civil(fromDays: days)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { u in
            var n = 0
            func put(_ c: UInt8) { u[n] = c; n += 1 }
            func digits(_ v: Int, _ width: Int) {
                if v < 0 || v >= (width == 2 ? 100 : width == 3 ? 1000 : 10000) {
                    for c in String(v).utf8 { put(c) }
                    return
                }
                if width == 4 { put(UInt8(0x30 + v / 1000)) }
                if width >= 3 { put(UInt8(0x30 + v / 100 % 10)) }
                put(UInt8(0x30 + v / 10 % 10))
                put(UInt8(0x30 + v % 10))
            }
            digits(y, 4); put(0x2D); digits(m, 2); put(0x2D); digits(d, 2)
            put(0x54)
            digits(secOfDay / 3600, 2); put(0x3A); digits(secOfDay / 60 % 60, 2); put(0x3A); digits(secOfDay % 60, 2)
            if millis > 0 && millis < 1000 { put(0x2E); digits(millis, 3) }
            if utcOffsetSeconds == 0 {
                put(0x5A)
            } else {
                let a = abs(utcOffsetSeconds)
                put(utcOffsetSeconds < 0 ? 0x2D : 0x2B)
                digits(a / 3600, 2); put(0x3A); digits(a / 60 % 60, 2)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[0..<n]))
        }
    }

    /// Parses RFC 3339 (`2026-03-02T21:14:00+01:00`, `…Z`, optional fraction).
    public init?(rfc3339 text: String) {
        let u = Array(text.utf8)
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count else { return nil }
            var v = 0
            for i in r { guard (0x30...0x39).contains(u[i]) else { return nil }; v = v * 10 + Int(u[i] - 0x30) }
            return v
        }
        guard u.count >= 20, let y = num(0..<4), u[4] == 0x2D, let mo = num(5..<7), u[7] == 0x2D, let d = num(8..<10),
              u[10] == 0x54 || u[10] == 0x74 || u[10] == 0x20, let h = num(11..<13), u[13] == 0x3A, let mi = num(14..<16),
              u[16] == 0x3A, let s = num(17..<19), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        var i = 19
        var fraction = 0.0
        if i < u.count, u[i] == 0x2E {
            i += 1
            var scale = 0.1
            while i < u.count, (0x30...0x39).contains(u[i]) { fraction += Double(u[i] - 0x30) * scale; scale /= 10; i += 1 }
        }
        guard i < u.count else { return nil }
        var offset = 0
        if u[i] == 0x5A || u[i] == 0x7A {
            i += 1
        } else if u[i] == 0x2B || u[i] == 0x2D, let oh = num((i + 1)..<(i + 3)), u.count > i + 3, u[i + 3] == 0x3A,
                  let om = num((i + 4)..<(i + 6)) {
            offset = (oh * 3600 + om * 60) * (u[i] == 0x2D ? -1 : 1)
            i += 6
        } else { return nil }
        guard i == u.count else { return nil }
        let days = Timestamp.days(fromCivil: y, mo, d)
        let local = Double(days * 86400 + h * 3600 + mi * 60 + s) + fraction
        self.init(date: Date(timeIntervalSince1970: local - Double(offset)), utcOffsetSeconds: offset)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

extension Date {
    /// This instant in UTC as RFC 3339 with milliseconds, e.g. `2026-11-25T12:52:19.123Z`:
    /// the form custody events use.
    public var utcMillisString: String {
        let ms = (timeIntervalSince1970 * 1000).rounded()
        let t = Timestamp(date: Date(timeIntervalSince1970: floor(ms / 1000)), utcOffsetSeconds: 0).rfc3339
        return String(t.dropLast()) + String(format: ".%03dZ", Int(ms.truncatingRemainder(dividingBy: 1000) + 1000) % 1000)
    }
}
