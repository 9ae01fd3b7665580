import BewaarModel

/// RFC 3339 text of mail timestamps without `String(format:)` (which dominated the cost of a
/// message's JSON). Same output as `Timestamp.rfc3339`, which it falls back to for fractional
/// seconds and years outside 0…9999.
enum RFC3339 {
    static func string(_ t: Timestamp) -> String {
        let secs = t.date.timeIntervalSince1970
        guard secs == secs.rounded(.down), abs(secs) < 1e12 else { return t.rfc3339 }
        let local = Int(secs) + t.utcOffsetSeconds
        let days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400)
        let sod = local - days * 86400
        let (y, m, d) = Timestamp.civil(fromDays: days)
        guard (0...9999).contains(y) else { return t.rfc3339 }
        var out: [UInt8] = []
        out.reserveCapacity(25)
        func two(_ v: Int) { out.append(UInt8(0x30 + v / 10)); out.append(UInt8(0x30 + v % 10)) }
        two(y / 100); two(y % 100); out.append(0x2D); two(m); out.append(0x2D); two(d)
        out.append(0x54); two(sod / 3600); out.append(0x3A); two(sod / 60 % 60); out.append(0x3A); two(sod % 60)
        if t.utcOffsetSeconds == 0 {
            out.append(0x5A)
        } else {
            let a = abs(t.utcOffsetSeconds)
            out.append(t.utcOffsetSeconds < 0 ? 0x2D : 0x2B)
            two(a / 3600 % 100); out.append(0x3A); two(a / 60 % 60)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same moment written in UTC.
    static func utc(_ t: Timestamp) -> String { string(Timestamp(date: t.date, utcOffsetSeconds: 0)) }
}
