import BewaarMIME

/// Splits an mbox file (mboxo, mboxrd) into messages: each starts at a `From ` separator line
/// at the start of the file or after a blank line (or one that carries a postmark date). The
/// byte range of each message in the file is kept as its origin.
public enum MboxSplitter {
    /// One message of the mbox.
    public struct Entry: Sendable, Hashable {
        /// The whole span in the file, `From ` line included.
        public var range: Range<Int>
        /// The message itself: after the `From ` line, without the separating blank line.
        public var content: Range<Int>
        /// Whether the content has `>From ` lines to un-escape.
        public var hasEscapedFrom: Bool
    }

    static let from = Array("From ".utf8)

    /// Whether the bytes start like an mbox: a `From ` line followed by a header.
    public static func looksLikeMbox(_ head: [UInt8]) -> Bool {
        guard head.starts(with: from) else { return false }
        return head.withUnsafeBufferPointer { b in
            let (_, next) = LineEnds.line(b, from: 0, end: b.count)
            var j = next
            while j < b.count, b[j] != 0x3A, b[j] > 0x20, b[j] < 0x7F { j += 1 }
            return j > next && j < b.count && b[j] == 0x3A
        }
    }

    /// The messages of the mbox in `b`.
    public static func split(_ b: UnsafeBufferPointer<UInt8>) -> [Entry] {
        var starts: [Int] = []
        var i = 0
        var previousBlank = true
        let n = b.count
        while i < n {
            let (ce, next) = LineEnds.line(b, from: i, end: n)
            if b[i] == 0x46, LineEnds.matches(b, at: i, end: ce, from), previousBlank || hasPostmark(b, i, ce) {
                starts.append(i)
            }
            previousBlank = ce == i
            i = next
        }
        var entries: [Entry] = []
        for (k, s) in starts.enumerated() {
            let e = k + 1 < starts.count ? starts[k + 1] : n
            let (_, contentStart) = LineEnds.line(b, from: s, end: e)
            // Drop the one blank line that separates messages.
            var ce = e
            if ce > contentStart, b[ce - 1] == 0x0A { ce -= 1; if ce > contentStart, b[ce - 1] == 0x0D { ce -= 1 } } else if ce > contentStart, b[ce - 1] == 0x0D { ce -= 1 }
            let escaped = hasEscape(b, contentStart, ce)
            entries.append(Entry(range: s..<e, content: contentStart..<max(contentStart, ce), hasEscapedFrom: escaped))
        }
        return entries
    }

    /// A `From ` line with a time (`hh:mm`) and a year: a separator even without a blank line before.
    static func hasPostmark(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var colon = false, digits = 0, year = false
        for k in s..<e {
            let c = b[k]
            if c == 0x3A { colon = true }
            if c >= 0x30 && c <= 0x39 { digits += 1; if digits == 4 { year = true } } else { digits = 0 }
        }
        return colon && year
    }

    static func hasEscape(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e {
            if b[i] == 0x3E {
                var k = i
                while k < e, b[k] == 0x3E { k += 1 }
                if LineEnds.matches(b, at: k, end: e, from) { return true }
            }
            let (_, next) = LineEnds.line(b, from: i, end: e)
            i = next
        }
        return false
    }

    /// The content with one `>` removed from every `>From ` / `>>From ` line (mboxrd; for
    /// mboxo this restores the common case of an escaped `From `).
    public static func unescape(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(r.count)
        var i = r.lowerBound
        while i < r.upperBound {
            let (_, next) = LineEnds.line(b, from: i, end: r.upperBound)
            var k = i
            while k < next, b[k] == 0x3E { k += 1 }
            if k > i, LineEnds.matches(b, at: k, end: next, from) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[(i + 1)..<next]))
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<next]))
            }
            i = next
        }
        return out
    }
}
