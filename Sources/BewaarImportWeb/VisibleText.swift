/// Whitespace as a browser shows it: runs of spaces, tabs and line ends become one space,
/// none at the ends. Non-breaking spaces stay.
enum VisibleText {
    static func collapse(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s.unicodeScalars {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" || ch == "\u{0C}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.unicodeScalars.append(" "); pendingSpace = false }
            out.unicodeScalars.append(ch)
        }
        return out
    }

    /// Whether the string holds anything but whitespace.
    static func hasContent(_ s: String) -> Bool {
        s.unicodeScalars.contains { !($0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{0C}") }
    }
}
