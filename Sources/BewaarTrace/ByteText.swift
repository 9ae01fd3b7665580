import Foundation
import BewaarModel

/// Small byte-level helpers for the large logs (a year of leases is hundreds of megabytes).
enum ByteText {
    /// Calls `body(lineNumber, start, end)` for each line of `b` (LF or CRLF; end excludes the
    /// line break).
    static func forEachLine(_ b: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int) throws -> Void) rethrows {
        var start = 0
        var n = 1
        let count = b.count
        while start < count {
            var end = start
            while end < count && b[end] != 0x0A { end += 1 }
            var e = end
            if e > start && b[e - 1] == 0x0D { e -= 1 }
            try body(n, start, e)
            n += 1
            start = end + 1
        }
    }

    static func skipBlanks(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        return i
    }

    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard end - i >= n else { return false }
        let ptr = p.utf8Start
        for k in 0..<n where b[i + k] != ptr[k] { return false }
        return true
    }

    static func string(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[s..<max(s, e)]), as: UTF8.self)
    }

    /// Reads an unsigned decimal number at `i`, returning it and the index after it.
    static func number(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Int, Int)? {
        var v = 0, j = i
        while j < end, b[j] >= 0x30, b[j] <= 0x39, j - i < 18 { v = v * 10 + Int(b[j] - 0x30); j += 1 }
        return j > i ? (v, j) : nil
    }

    /// `yyyy/mm/dd hh:mm:ss` (also with `-` in the date) at `i` as seconds since 1970 in the
    /// clock it was written in.
    static func civilSeconds(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        guard let (y, a) = number(b, i, end), a < end, b[a] == 0x2F || b[a] == 0x2D,
              let (mo, c) = number(b, a + 1, end), c < end, b[c] == 0x2F || b[c] == 0x2D,
              let (d, e) = number(b, c + 1, end), e < end, b[e] == 0x20 || b[e] == 0x54,
              let (h, f) = number(b, e + 1, end), f < end, b[f] == 0x3A,
              let (mi, g) = number(b, f + 1, end), g < end, b[g] == 0x3A,
              let (s, _) = number(b, g + 1, end),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61, (1900...9999).contains(y)
        else { return nil }
        return Timestamp.days(fromCivil: y, mo, d) * 86400 + h * 3600 + mi * 60 + s
    }
}

/// Reads a log file's bytes as text: UTF-8 (BOM dropped), UTF-16 with a BOM, else
/// windows-1252-ish Latin-1.
enum LogText {
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: bytes.dropFirst(3), as: UTF8.self) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        return String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    /// Lines without their line breaks.
    static func lines(_ text: String) -> [Substring] {
        // "\r\n" is one Character in Swift: split on both.
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }
}
