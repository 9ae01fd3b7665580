/// Whitespace as a browser shows it: runs of spaces, tabs and line ends become one space,
/// none at the ends. Non-breaking spaces stay.
enum VisibleText {
    static func collapse(_ s: String) -> String {
        var s = s
        return s.withUTF8 { u in
            var out: [UInt8] = []
            out.reserveCapacity(u.count)
            var pendingSpace = false
            for c in u {
                if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(c)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether the string holds anything but whitespace.
    static func hasContent(_ s: String) -> Bool {
        s.unicodeScalars.contains { !($0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{0C}") }
    }
}
