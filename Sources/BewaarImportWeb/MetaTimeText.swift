import Foundation
import BewaarModel

/// Times as Meta's HTML exports show them: local, without a zone, in the account's language.
/// "Mar 04, 2024 3:07 pm" (2023+), "Mar 04, 2024, 3:07 PM" (2018–2022), "Friday, October 4,
/// 2013 at 10:05pm PDT" (≤2017), and Dutch month names ("4 mrt. 2024 15:07").
/// Read byte by byte: a Messenger page holds hundreds of thousands of them.
enum MetaTimeText {
    /// Month names by their first three letters (lower case).
    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "mrt": 3, "maa": 3, "apr": 4, "may": 5, "mei": 5, "jun": 6, "jul": 7, "aug": 8,
        "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12,
    ]
    /// Zone abbreviations (lower case) and their offsets in seconds.
    static let zones: [String: Int] = [
        "utc": 0, "gmt": 0, "cet": 3600, "cest": 7200, "pst": -28800, "pdt": -25200,
        "est": -18000, "edt": -14400, "cst": -21600, "cdt": -18000, "mst": -25200, "mdt": -21600,
        "bst": 3600, "wet": 0, "west": 3600,
    ]
    /// ``months`` and ``zones`` keyed by their bytes packed into an integer (first byte lowest):
    /// looked up without a `String` per token.
    private static let packedMonths: [UInt64: Int] = Dictionary(uniqueKeysWithValues: months.map { (pack($0.key.utf8), $0.value) })
    private static let packedZones: [UInt64: Int] = Dictionary(uniqueKeysWithValues: zones.map { (pack($0.key.utf8), $0.value) })

    /// Up to four bytes and their count packed into an integer (callers pass at most four).
    private static func pack<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var v = UInt64(bytes.count) << 32
        for (n, b) in bytes.prefix(4).enumerated() { v |= UInt64(b) << (8 * UInt64(n)) }
        return v
    }

    /// Parses the text; nil when it is not a time. `zoneGiven` tells whether the text named a zone.
    static func parse(_ text: String, zone: TimeZone, cache: LocalTime.OffsetCache? = nil) -> (Timestamp, zoneGiven: Bool)? {
        var text = text
        return text.withUTF8 { parse(utf8: $0, zone: zone, cache: cache) }
    }

    /// ``parse(_:zone:cache:)`` on the text's UTF-8 bytes, without an allocation.
    static func parse(utf8 text: UnsafeBufferPointer<UInt8>, zone: TimeZone, cache: LocalTime.OffsetCache? = nil) -> (Timestamp, zoneGiven: Bool)? {
        if text.count > 200 { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(text.count, 1)) { buffer in
            _ = buffer.initialize(fromContentsOf: text)
            return parse(normalizing: UnsafeMutableBufferPointer(rebasing: buffer[0..<text.count]), zone: zone, cache: cache)
        }
    }

    private static func parse(
        normalizing u: UnsafeMutableBufferPointer<UInt8>, zone: TimeZone, cache: LocalTime.OffsetCache?
    ) -> (Timestamp, zoneGiven: Bool)? {
        // Separators: space, comma, period, and the no-break spaces U+00A0 / U+202F.
        var i = 0
        while i < u.count {
            if u[i] == 0xC2, i + 1 < u.count, u[i + 1] == 0xA0 { u[i] = 0x20; u[i + 1] = 0x20 }
            if u[i] == 0xE2, i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0xAF { u[i] = 0x20; u[i + 1] = 0x20; u[i + 2] = 0x20 }
            if u[i] >= 0x41 && u[i] <= 0x5A { u[i] |= 0x20 }
            i += 1
        }
        func isSeparator(_ c: UInt8) -> Bool { c == 0x20 || c == 0x2C || c == 0x2E }
        var month: Int?, day: Int?, year: Int?, hour: Int?, minute: Int?, second = 0
        var pm: Bool?, offset: Int?
        i = 0
        while i < u.count {
            if isSeparator(u[i]) { i += 1; continue }
            var j = i
            while j < u.count, !isSeparator(u[j]) { j += 1 }
            let tok = UnsafeMutableBufferPointer(rebasing: u[i..<j])
            i = j
            if tok.contains(0x3A) {
                var end = tok.count
                if end > 2, tok[end - 1] == 0x6D, tok[end - 2] == 0x61 || tok[end - 2] == 0x70 {
                    pm = tok[end - 2] == 0x70; end -= 2
                }
                // "h:mm", "h:mm:ss" (more parts are read and ignored); each part 1–3 digits.
                var parts = 0, first = 0, second_ = 0, third: Int?
                var v = 0, digits = 0
                for k in 0..<end {
                    let ch = tok[k]
                    if ch == 0x3A {
                        guard digits > 0 else { return nil }
                        if parts == 0 { first = v } else if parts == 1 { second_ = v } else if parts == 2 { third = v }
                        parts += 1; v = 0; digits = 0
                        continue
                    }
                    guard ch >= 0x30 && ch <= 0x39, digits < 3 else { return nil }
                    v = v * 10 + Int(ch - 0x30); digits += 1
                }
                guard digits > 0 else { return nil }
                if parts == 0 { first = v } else if parts == 1 { second_ = v } else if parts == 2 { third = v }
                parts += 1
                guard parts >= 2 else { return nil }
                hour = first; minute = second_
                if let third { second = third }
                continue
            }
            if tok.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                guard tok.count <= 4 else { continue }
                var v = 0
                for ch in tok { v = v * 10 + Int(ch - 0x30) }
                if tok.count == 4 { year = v } else if day == nil { day = v }
                continue
            }
            if tok.count == 2 && tok[1] == 0x6D && (tok[0] == 0x61 || tok[0] == 0x70) { pm = tok[0] == 0x70; continue }
            if tok.count <= 4, let z = packedZones[pack(tok)] { offset = z; continue }
            if month == nil, tok.count >= 3 {
                if tok.count > 3 && tok[3] >= 0x80 {
                    // A mark after the third letter can join it into one character: as `String` sees it.
                    let s = String(decoding: tok, as: UTF8.self)
                    if let m = months[String(s.prefix(3))] { month = m }
                } else if let m = packedMonths[pack(tok.prefix(3))] {
                    month = m
                }
            }
        }
        guard let month, let day, let year, var h = hour, let minute else { return nil }
        if let pm {
            guard (1...12).contains(h) else { return nil }
            if pm && h < 12 { h += 12 }
            if !pm && h == 12 { h = 0 }
        }
        if let offset {
            guard let t = LocalTime.timestamp(year: year, month: month, day: day, hour: h, minute: minute, second: second, offset: offset) else {
                return nil
            }
            return (t, true)
        }
        let c = cache ?? LocalTime.OffsetCache(zone: zone)
        guard let t = LocalTime.timestamp(year: year, month: month, day: day, hour: h, minute: minute, second: second, cache: c) else { return nil }
        return (t, false)
    }
}
