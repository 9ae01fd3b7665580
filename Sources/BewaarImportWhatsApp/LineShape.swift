/// The shape of a record's first line. A file uses one shape throughout; a line of another
/// shape is text typed inside a message, not a record.
struct LineShape: Hashable, Sendable {
    /// iOS: `[date time] `; Android: `date time - `.
    var bracketed: Bool
    /// `-`, `/` or `.` between the date fields.
    var dateSeparator: UInt8
    /// Whether a comma follows the date.
    var commaAfterDate: Bool
    /// Whether the time has seconds.
    var seconds: Bool
    /// Whether the time has an AM/PM marker (12-hour clock).
    var twelveHour: Bool

    /// The platform this shape comes from.
    var platform: String { bracketed ? "ios" : "android" }

    /// A readable pattern, e.g. `[d-m-y H:MM:SS]` or `d/m/y, h:mm a -`.
    var pattern: String {
        let s = Character(Unicode.Scalar(dateSeparator))
        var p = "f1\(s)f2\(s)f3" + (commaAfterDate ? ", " : " ")
        p += twelveHour ? "h:mm" : "H:MM"
        if seconds { p += ":SS" }
        if twelveHour { p += " AM/PM" }
        return bracketed ? "[\(p)] " : p + " - "
    }
}

/// The fields of a header line, as numbers; which date field is the day is decided later,
/// for the whole file.
struct HeaderFields: Sendable {
    var shape: LineShape
    var f1: Int32, f2: Int32, f3: Int32
    /// Digit counts of the three date fields.
    var d1: UInt8, d2: UInt8, d3: UInt8
    var hour: Int8, minute: Int8, second: Int8
    /// 0 none, 1 AM, 2 PM.
    var meridiem: UInt8
    /// Offset just after the header (`] ` or ` - `): where author or system text begins.
    var bodyStart: Int
}

/// Reads the header at the start of a line, tolerating invisible marks and the spaces
/// WhatsApp uses (U+00A0, U+202F). Pure byte work: no `String` is made.
enum HeaderReader {
    @inline(__always)
    private static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    /// Reads 1–4 digits at `i`.
    @inline(__always)
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, max: Int) -> (Int32, UInt8)? {
        var v: Int32 = 0
        var n: UInt8 = 0
        while i < end, isDigit(b[i]), Int(n) < max {
            v = v * 10 + Int32(b[i] &- 0x30)
            n += 1
            i += 1
        }
        if n == 0 || (i < end && isDigit(b[i])) { return nil }
        return (v, n)
    }

    /// The header at `start` (line content up to `end`, without the line break), or nil.
    static func read(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> HeaderFields? {
        var i = InvisibleMarks.skip(b, start, end)
        guard i < end else { return nil }
        var bracketed = false
        if b[i] == 0x5B { bracketed = true; i = InvisibleMarks.skip(b, i + 1, end) }
        guard i < end, isDigit(b[i]) else { return nil }
        guard let (f1, d1) = number(b, &i, end, max: 4), i < end else { return nil }
        let sep = b[i]
        guard sep == 0x2D || sep == 0x2F || sep == 0x2E else { return nil }
        i += 1
        if sep == 0x2E, i < end, b[i] == 0x20 { i += 1 }
        guard let (f2, d2) = number(b, &i, end, max: 4), i < end, b[i] == sep else { return nil }
        i += 1
        if sep == 0x2E, i < end, b[i] == 0x20 { i += 1 }
        guard let (f3, d3) = number(b, &i, end, max: 4) else { return nil }
        // A four-digit field is a year; three digits is no date field at all.
        guard d2 <= 2, d1 == 4 ? d3 <= 2 : (d1 <= 2 && (d3 == 2 || d3 == 4)) else { return nil }
        if sep == 0x2E, i < end, b[i] == 0x2E { i += 1 }
        var comma = false
        if i < end, b[i] == 0x2C { comma = true; i += 1 }
        let sp = InvisibleMarks.spaceLength(b, i, end)
        guard sp > 0 || comma else { return nil }
        i += sp
        guard let (h, hd) = number(b, &i, end, max: 2), hd >= 1, i < end, b[i] == 0x3A else { return nil }
        i += 1
        guard let (mi, md) = number(b, &i, end, max: 2), md == 2 else { return nil }
        var sec: Int32 = -1
        if i < end, b[i] == 0x3A {
            i += 1
            guard let (s, sd) = number(b, &i, end, max: 2), sd == 2 else { return nil }
            sec = s
        }
        guard h <= 23, mi <= 59, sec <= 60 else { return nil }
        // Optional AM/PM: `AM`, `am`, `a.m.`, `a. m.`, after a space, U+00A0 or U+202F.
        var meridiem: UInt8 = 0
        var j = i + InvisibleMarks.spaceLength(b, i, end)
        if j < end {
            let c = b[j] | 0x20
            if c == 0x61 || c == 0x70 {
                var k = j + 1
                if k < end, b[k] == 0x2E { k += 1 }
                k += InvisibleMarks.spaceLength(b, k, end)
                if k < end, b[k] | 0x20 == 0x6D {
                    k += 1
                    if k < end, b[k] == 0x2E { k += 1 }
                    meridiem = c == 0x61 ? 1 : 2
                    j = k
                    i = k
                }
            }
        }
        if bracketed {
            guard i < end, b[i] == 0x5D else { return nil }
            i += 1
            let s = InvisibleMarks.spaceLength(b, i, end)
            // `[…]` at the very end of a line: an empty record.
            guard s > 0 || i == end else { return nil }
            i += s
        } else {
            guard i + 1 < end, b[i] == 0x20, b[i + 1] == 0x2D else { return nil }
            i += 2
            if i < end {
                guard b[i] == 0x20 else { return nil }
                i += 1
            }
        }
        let shape = LineShape(bracketed: bracketed, dateSeparator: sep, commaAfterDate: comma, seconds: sec >= 0,
                              twelveHour: meridiem != 0)
        return HeaderFields(shape: shape, f1: f1, f2: f2, f3: f3, d1: d1, d2: d2, d3: d3,
                            hour: Int8(h), minute: Int8(mi), second: Int8(sec), meridiem: meridiem, bodyStart: i)
    }
}
