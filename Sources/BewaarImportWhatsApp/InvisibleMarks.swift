/// The invisible characters WhatsApp writes around headers and system text, as UTF-8 bytes.
///
/// They are skipped while *matching* (header shapes, the system-message catalog) and never
/// removed from a record's text: the text stays exactly as in the export.
enum InvisibleMarks {
    /// Length of a mark that starts at `i` (BOM, U+200E/U+200F, U+202A–U+202E), else 0.
    @inline(__always)
    static func markLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        guard i + 3 <= end else { return 0 }
        let b0 = b[i]
        if b0 == 0xE2, b[i + 1] == 0x80 {
            let b2 = b[i + 2]
            if b2 == 0x8E || b2 == 0x8F || (0xAA...0xAE).contains(b2) { return 3 }
        } else if b0 == 0xEF, b[i + 1] == 0xBB, b[i + 2] == 0xBF {
            return 3
        }
        return 0
    }

    /// Skips any run of marks starting at `i`.
    @inline(__always)
    static func skip(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var i = i
        while true {
            let n = markLength(b, i, end)
            if n == 0 { return i }
            i += n
        }
    }

    /// Length of a space-like character at `i`: space, U+00A0 or U+202F; else 0.
    @inline(__always)
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        guard i < end else { return 0 }
        if b[i] == 0x20 { return 1 }
        if b[i] == 0xC2, i + 1 < end, b[i + 1] == 0xA0 { return 2 }
        if b[i] == 0xE2, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0xAF { return 3 }
        return 0
    }

    /// A copy of `bytes` for matching: marks removed, U+00A0/U+202F turned into spaces,
    /// surrounding spaces trimmed. Never used as record text.
    static func matchingCopy(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            let m = markLength(b, i, end)
            if m > 0 { i += m; continue }
            let s = spaceLength(b, i, end)
            if s > 1 { out.append(0x20); i += s; continue }
            out.append(b[i])
            i += 1
        }
        var lo = 0
        var hi = out.count
        while lo < hi, out[lo] == 0x20 { lo += 1 }
        while hi > lo, out[hi - 1] == 0x20 || out[hi - 1] == 0x0D { hi -= 1 }
        if lo == 0 && hi == out.count { return out }
        return Array(out[lo..<hi])
    }
}
