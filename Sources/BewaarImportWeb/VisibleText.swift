/// Whitespace as a browser shows it: runs of spaces, tabs and line ends become one space,
/// none at the ends. Non-breaking spaces stay.
enum VisibleText {
    static func collapse(_ s: String) -> String {
        var s = s
        return s.withUTF8 { collapse(utf8: $0) }
    }

    /// ``collapse(_:)`` of text held as UTF-8 bytes, written straight into the new string
    /// (never longer than the bytes; invalid UTF-8 is repaired as `String(decoding:as:)` does).
    static func collapse(utf8 u: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: u.count) { out in
            var n = 0
            var pendingSpace = false
            for c in u {
                if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                    pendingSpace = n > 0
                    continue
                }
                if pendingSpace {
                    out[n] = 0x20
                    n += 1
                    pendingSpace = false
                }
                out[n] = c
                n += 1
            }
            return n
        }
    }

    /// Whether the string holds anything but whitespace.
    static func hasContent(_ s: String) -> Bool {
        s.unicodeScalars.contains { !($0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{0C}") }
    }
}
