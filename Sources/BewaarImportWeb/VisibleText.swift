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
            guard let from = u.baseAddress, let to = out.baseAddress else { return 0 }
            return collapse(from, count: u.count, into: to)
        }
    }

    /// ``collapse(utf8:)`` done on the bytes where they are (the result is never longer); the
    /// bytes are not repaired (`String(decoding:as:)` of them then gives what ``collapse(utf8:)``
    /// gives).
    static func collapse(inPlace u: inout [UInt8]) {
        let n = u.withUnsafeMutableBufferPointer { b -> Int in
            guard let p = b.baseAddress else { return 0 }
            return collapse(p, count: b.count, into: p)
        }
        u.removeLast(u.count - n)
    }

    /// Writes the `count` bytes at `from` collapsed to `to` (which may be `from`: writing never
    /// gets ahead of reading) and returns how many it wrote.
    private static func collapse(_ from: UnsafePointer<UInt8>, count: Int, into to: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        var pendingSpace = false
        for i in 0..<count {
            let c = from[i]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                pendingSpace = n > 0
                continue
            }
            if pendingSpace {
                to[n] = 0x20
                n += 1
                pendingSpace = false
            }
            to[n] = c
            n += 1
        }
        return n
    }

    /// Whether the string holds anything but whitespace.
    static func hasContent(_ s: String) -> Bool {
        s.unicodeScalars.contains { !($0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{0C}") }
    }
}
