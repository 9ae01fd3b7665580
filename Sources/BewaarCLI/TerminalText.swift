import Foundation

/// Makes hostile text safe for a terminal: control characters, escape sequences and
/// bidirectional overrides are shown as visible `\u{…}` escapes instead of acting.
enum TerminalText {
    static func safe(_ text: String, keepNewlines: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            let v = s.value
            if keepNewlines && (s == "\n") { out.unicodeScalars.append(s); continue }
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C {
                out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// An argument as a person would type it in a shell: as it is when plain, else in single
    /// quotes (control characters still shown as escapes, never sent to the terminal).
    static func shellQuoted(_ arg: String) -> String {
        let plain = arg.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=:+@".unicodeScalars.contains($0) }
        return plain && !arg.isEmpty ? arg : "'" + safe(arg).replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// One line of evidence text for a listing: safe, line breaks shown as ⏎, cut at `limit`.
    static func line(_ text: String, limit: Int = 100) -> String {
        let flat = safe(text.replacingOccurrences(of: "\r\n", with: " ⏎ ").replacingOccurrences(of: "\n", with: " ⏎ "))
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }
}

/// Local dates for people: `25-11-2026 13:52` in the school's zone.
enum DisplayTime {
    static func string(_ date: Date, zone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let t = Timestamp(date: date, utcOffsetSeconds: offset).rfc3339
        // yyyy-mm-ddThh:mm:ss±hh:mm -> dd-mm-yyyy hh:mm
        let c = Array(t)
        return String(c[8..<10]) + "-" + String(c[5..<7]) + "-" + String(c[0..<4]) + " " + String(c[11..<16])
    }

    static func day(_ date: Date, zone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!) -> String {
        String(string(date, zone: zone).prefix(10))
    }
}
import Foundation
import BewaarModel
