/// RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header text. Adjacent encoded words are
/// joined without the blanks between them, and when they share a charset their bytes are
/// joined before decoding, so a multi-byte character split across two words survives.
public enum EncodedWord {
    /// The decoded text and the problems met (unknown charset, bad bytes).
    public struct Result: Sendable, Hashable {
        public var text: String
        public var problems: [String]
    }

    /// Decodes every encoded word in `value` (bytes of an unfolded header value). Text outside
    /// encoded words is read as UTF-8, else windows-1252.
    public static func decodeText(_ value: [UInt8]) -> Result {
        value.withUnsafeBufferPointer { decodeText($0) }
    }

    public static func decodeText(_ b: UnsafeBufferPointer<UInt8>) -> Result {
        var out = ""
        var problems: [String] = []
        var literal: [UInt8] = []
        var blanks: [UInt8] = []   // blanks seen after the last encoded word, not yet placed
        var pending: (charset: String, bytes: [UInt8])?
        var lastWasWord = false

        func flushPending() {
            if let p = pending {
                let d = Charset.decode(p.bytes, label: p.charset)
                out += d.text
                if let pr = d.problem { problems.append(pr) }
                pending = nil
            }
        }
        func flushLiteral() {
            if !literal.isEmpty {
                out += Charset.utf8OrWindows1252(literal).text
                literal.removeAll(keepingCapacity: true)
            }
        }

        var i = 0
        let n = b.count
        var wall = 0 // text before this offset holds no `?=` up to the next blank: starts there fail
        while i < n {
            let c = b[i]
            if c == 0x3D, i + 1 < n, b[i + 1] == 0x3F, let w = parseWord(b, at: i, wall: &wall) {
                if lastWasWord && literal.isEmpty {
                    blanks.removeAll(keepingCapacity: true) // blanks between two encoded words vanish
                } else {
                    literal.append(contentsOf: blanks)
                    blanks.removeAll(keepingCapacity: true)
                }
                if let p = pending, p.charset == w.charset, literal.isEmpty {
                    pending!.bytes.append(contentsOf: w.bytes)
                    _ = p
                } else {
                    flushPending()
                    flushLiteral()
                    pending = (w.charset, w.bytes)
                }
                lastWasWord = true
                i = w.end
                continue
            }
            if c == 0x20 || c == 0x09 {
                blanks.append(c)
                i += 1
                continue
            }
            if lastWasWord {
                flushPending()
                lastWasWord = false
            }
            literal.append(contentsOf: blanks)
            blanks.removeAll(keepingCapacity: true)
            literal.append(c)
            i += 1
        }
        flushPending()
        literal.append(contentsOf: blanks)
        flushLiteral()
        return Result(text: out, problems: problems)
    }

    /// Parses one encoded word starting at `i` (at `=?`); nil when it is not one.
    /// `wall` keeps hostile input linear: once a scan ran to a blank or the end without
    /// finding `?=`, every later start before that point would too.
    static func parseWord(_ b: UnsafeBufferPointer<UInt8>, at i: Int, wall: inout Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        let n = b.count
        var j = i + 2
        let csStart = j
        while j < n, b[j] != 0x3F {
            if b[j] <= 0x20 || b[j] >= 0x7F || j - csStart > 64 { return nil }
            j += 1
        }
        guard j < n, j > csStart, j + 2 < n, b[j + 2] == 0x3F else { return nil }
        let charset = String(decoding: UnsafeBufferPointer(rebasing: b[csStart..<j]), as: UTF8.self)
        let enc = LineEnds.lower(b[j + 1])
        guard enc == 0x62 || enc == 0x71 else { return nil }
        let textStart = j + 3
        if textStart < wall { return nil }
        var k = textStart
        while k + 1 < n {
            if b[k] == 0x3F && b[k + 1] == 0x3D { break }
            if b[k] == 0x20 || b[k] == 0x09 { wall = k; return nil }
            k += 1
        }
        guard k + 1 < n else { wall = n; return nil }
        let text = UnsafeBufferPointer(rebasing: b[textStart..<k])
        let bytes = enc == 0x62 ? Base64Stream.decodeAll(text) : QuotedPrintable.decodeWord(text)
        return (charset, bytes, k + 2)
    }
}
