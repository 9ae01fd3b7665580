/// A time of day as a chat app shows it: "20:14", "20.14", "8:14 PM", "8:14 p.m.", "12:05am".
public enum TimeOfDay {
    /// The hour (0–23) and minute of the first time in `text`, nil when it holds none.
    /// "8:14 PM" is 20:14, "12:05 AM" is 0:05, "12:30 PM" is 12:30; a 12-hour time needs an
    /// hour 1–12. A number run like "12.03.2026" (a date) is no time.
    public static func parse(_ text: String) -> (hour: Int, minute: Int)? {
        let chars = Array(text.lowercased())
        for i in chars.indices {
            if let found = match(chars, at: i) { return (found.hour, found.minute) }
        }
        return nil
    }

    /// A time starting at `chars[i]` (lowercased), and the index after it (after "pm" when given).
    static func match(_ c: [Character], at i: Int) -> (hour: Int, minute: Int, end: Int)? {
        func digit(_ k: Int) -> Bool { k >= 0 && k < c.count && c[k].isASCII && c[k].isNumber }
        guard digit(i), !digit(i - 1), !(i >= 2 && digit(i - 2) && (c[i - 1] == "." || c[i - 1] == ":")) else { return nil }
        let hourLength = digit(i + 1) ? 2 : 1
        let sep = i + hourLength
        guard sep < c.count, c[sep] == ":" || c[sep] == ".", digit(sep + 1), digit(sep + 2), !digit(sep + 3) else { return nil }
        var end = sep + 3
        // "12.03.2026": a date, not a time.
        if end + 1 < c.count, ".:/-".contains(c[end]), digit(end + 1) { return nil }
        guard let hour = Int(String(c[i..<sep])), let minute = Int(String(c[(sep + 1)...(sep + 2)])), minute < 60 else { return nil }
        var k = end
        while k < c.count, c[k] == " " || c[k] == "\u{202F}" || c[k] == "\u{00A0}" { k += 1 }
        func at(_ j: Int) -> Character? { j < c.count ? c[j] : nil }
        func free(_ j: Int) -> Bool { !(at(j)?.isLetter ?? false) }
        var meridiemEnd: Int?
        if let m = at(k), m == "a" || m == "p" {
            if at(k + 1) == "m", free(k + 2) {
                meridiemEnd = k + 2
            } else if at(k + 1) == ".", at(k + 2) == "m" {
                let after = at(k + 3) == "." ? k + 4 : k + 3
                if free(after) { meridiemEnd = after }
            }
        }
        if let meridiemEnd, let m = at(k) {
            guard (1...12).contains(hour) else { return nil }
            end = meridiemEnd
            return (m == "a" ? hour % 12 : hour % 12 + 12, minute, end)
        }
        guard hour < 24 else { return nil }
        return (hour, minute, end)
    }
}
